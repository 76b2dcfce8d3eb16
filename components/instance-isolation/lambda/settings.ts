import { KamaeTags } from "../../shared/runtime/tags";
import { boolean, ConfigurationError, integer, list, number, oneOf, optionalString, requiredString } from "../../shared/runtime/env";

type Env = Record<string, string | undefined>;

/** Everything the isolation function is configured with (each variable is listed in the README). */
export interface IsolationSettings {
  readonly mode: "enforce" | "detect";
  readonly tableName: string;
  readonly reportTopicArn: string;
  /** Name of the instance profile that replaces the instance's own (it must exist in every account acted in). */
  readonly isolationProfileName: string;
  /** Instances tagged `<scopeTagKey>=true` are in scope. */
  readonly scopeTagKey?: string;
  /** Instances of these Auto Scaling groups are in scope. */
  readonly scopeAutoScalingGroups: readonly string[];
  readonly protectionTagKey: string;
  readonly breakerMaxIsolations: number;
  readonly breakerWindowSeconds: number;
  readonly deepSecurityEventTypes: readonly string[];
  readonly deepSecurityMinSeverity: number;
  /** Region Deep Security events are acted in (they carry the account, not the Region). */
  readonly deepSecurityRegion?: string;
  readonly guardDutyTypePrefixes: readonly string[];
  readonly guardDutyMinSeverity: number;
  readonly snapshots: boolean;
  /** Opt-in: a role-wide "deny sessions issued before now" also cuts every other instance sharing the role. */
  readonly revokeRoleSessions: boolean;
  /** A finding an operator released isolates again only when GuardDuty updates it later and this is on. */
  readonly reisolateUpdatedFindings: boolean;
  /** Opt-in for drills: act on GuardDuty sample findings, which are otherwise dismissed. */
  readonly actOnSampleFindings: boolean;
}

/** The environment variables the component sets and the function reads (each listed in the README). */
export const IsolationEnv = {
  mode: "KAMAE_MODE",
  tableName: "KAMAE_TABLE_NAME",
  reportTopicArn: "KAMAE_REPORT_TOPIC_ARN",
  isolationProfileName: "KAMAE_ISOLATION_PROFILE_NAME",
  scopeTagKey: "KAMAE_SCOPE_TAG_KEY",
  scopeAutoScalingGroups: "KAMAE_SCOPE_ASG_NAMES",
  protectionTagKey: "KAMAE_PROTECTION_TAG_KEY",
  breakerMaxIsolations: "KAMAE_BREAKER_MAX_ISOLATIONS",
  breakerWindowSeconds: "KAMAE_BREAKER_WINDOW_SECONDS",
  deepSecurityEventTypes: "KAMAE_DS_EVENT_TYPES",
  deepSecurityMinSeverity: "KAMAE_DS_MIN_SEVERITY",
  deepSecurityRegion: "KAMAE_DS_REGION",
  guardDutyTypePrefixes: "KAMAE_GD_TYPE_PREFIXES",
  guardDutyMinSeverity: "KAMAE_GD_MIN_SEVERITY",
  snapshots: "KAMAE_SNAPSHOTS",
  revokeRoleSessions: "KAMAE_REVOKE_ROLE_SESSIONS",
  reisolateUpdatedFindings: "KAMAE_REISOLATE_UPDATED_FINDINGS",
  actOnSampleFindings: "KAMAE_ACT_ON_SAMPLE_FINDINGS",
} as const;

/** What an unset setting means, to the function and to the component alike. */
export const IsolationDefaults = {
  mode: "detect",
  scopeTagKey: KamaeTags.isolationScope,
  protectionTagKey: KamaeTags.protected,
  breakerMaxIsolations: 3,
  breakerWindowSeconds: 3600,
  deepSecurityEventTypes: ["IntegrityEvent", "AntiMalwareEvent"],
  deepSecurityMinSeverity: 3,
  guardDutyTypePrefixes: ["Backdoor:EC2/", "Trojan:EC2/", "CryptoCurrency:EC2/"],
  guardDutyMinSeverity: 7,
  snapshots: true,
  revokeRoleSessions: false,
  reisolateUpdatedFindings: false,
  actOnSampleFindings: false,
} as const;

export function isolationSettingsFromEnv(env: Env = process.env): IsolationSettings {
  const e = IsolationEnv;
  const d = IsolationDefaults;
  const scopeTagKey = env[e.scopeTagKey] === undefined ? d.scopeTagKey : optionalString(e.scopeTagKey, env);
  const scopeAutoScalingGroups = list(e.scopeAutoScalingGroups, env);
  if (!scopeTagKey && scopeAutoScalingGroups.length === 0) {
    // Without any scope nothing could ever be isolated: a silent misconfiguration, so refuse it at cold start.
    throw new ConfigurationError(`set ${e.scopeTagKey} or ${e.scopeAutoScalingGroups}: no instance would be in scope`);
  }
  return {
    mode: oneOf(e.mode, ["enforce", "detect"], d.mode, env),
    tableName: requiredString(e.tableName, env),
    reportTopicArn: requiredString(e.reportTopicArn, env),
    isolationProfileName: requiredString(e.isolationProfileName, env),
    scopeTagKey,
    scopeAutoScalingGroups,
    protectionTagKey: optionalString(e.protectionTagKey, env) ?? d.protectionTagKey,
    breakerMaxIsolations: integer(e.breakerMaxIsolations, d.breakerMaxIsolations, { min: 0, max: 1000 }, env),
    breakerWindowSeconds: integer(e.breakerWindowSeconds, d.breakerWindowSeconds, { min: 60, max: 7 * 86400 }, env),
    deepSecurityEventTypes: env[e.deepSecurityEventTypes] === undefined ? d.deepSecurityEventTypes : list(e.deepSecurityEventTypes, env),
    deepSecurityMinSeverity: number(e.deepSecurityMinSeverity, d.deepSecurityMinSeverity, env),
    deepSecurityRegion: optionalString(e.deepSecurityRegion, env) ?? optionalString("AWS_REGION", env),
    guardDutyTypePrefixes: env[e.guardDutyTypePrefixes] === undefined ? d.guardDutyTypePrefixes : list(e.guardDutyTypePrefixes, env),
    guardDutyMinSeverity: number(e.guardDutyMinSeverity, d.guardDutyMinSeverity, env),
    snapshots: boolean(e.snapshots, d.snapshots, env),
    revokeRoleSessions: boolean(e.revokeRoleSessions, d.revokeRoleSessions, env),
    reisolateUpdatedFindings: boolean(e.reisolateUpdatedFindings, d.reisolateUpdatedFindings, env),
    actOnSampleFindings: boolean(e.actOnSampleFindings, d.actOnSampleFindings, env),
  };
}
