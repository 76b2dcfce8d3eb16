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

export const DEFAULT_DS_EVENT_TYPES = ["IntegrityEvent", "AntiMalwareEvent"];
export const DEFAULT_GD_TYPE_PREFIXES = ["Backdoor:EC2/", "Trojan:EC2/", "CryptoCurrency:EC2/"];

export function isolationSettingsFromEnv(env: Env = process.env): IsolationSettings {
  const scopeTagKey = env.KAMAE_SCOPE_TAG_KEY === undefined ? KamaeTags.isolationScope : optionalString("KAMAE_SCOPE_TAG_KEY", env);
  const scopeAutoScalingGroups = list("KAMAE_SCOPE_ASG_NAMES", env);
  if (!scopeTagKey && scopeAutoScalingGroups.length === 0) {
    // Without any scope nothing could ever be isolated: a silent misconfiguration, so refuse it at cold start.
    throw new ConfigurationError("set KAMAE_SCOPE_TAG_KEY or KAMAE_SCOPE_ASG_NAMES: no instance would be in scope");
  }
  return {
    mode: oneOf("KAMAE_MODE", ["enforce", "detect"], "detect", env),
    tableName: requiredString("KAMAE_TABLE_NAME", env),
    reportTopicArn: requiredString("KAMAE_REPORT_TOPIC_ARN", env),
    isolationProfileName: requiredString("KAMAE_ISOLATION_PROFILE_NAME", env),
    scopeTagKey,
    scopeAutoScalingGroups,
    protectionTagKey: optionalString("KAMAE_PROTECTION_TAG_KEY", env) ?? KamaeTags.protected,
    breakerMaxIsolations: integer("KAMAE_BREAKER_MAX_ISOLATIONS", 3, { min: 0, max: 1000 }, env),
    breakerWindowSeconds: integer("KAMAE_BREAKER_WINDOW_SECONDS", 3600, { min: 60, max: 7 * 86400 }, env),
    deepSecurityEventTypes: env.KAMAE_DS_EVENT_TYPES === undefined ? DEFAULT_DS_EVENT_TYPES : list("KAMAE_DS_EVENT_TYPES", env),
    deepSecurityMinSeverity: number("KAMAE_DS_MIN_SEVERITY", 3, env),
    deepSecurityRegion: optionalString("KAMAE_DS_REGION", env) ?? optionalString("AWS_REGION", env),
    guardDutyTypePrefixes: env.KAMAE_GD_TYPE_PREFIXES === undefined ? DEFAULT_GD_TYPE_PREFIXES : list("KAMAE_GD_TYPE_PREFIXES", env),
    guardDutyMinSeverity: number("KAMAE_GD_MIN_SEVERITY", 7, env),
    snapshots: boolean("KAMAE_SNAPSHOTS", true, env),
    revokeRoleSessions: boolean("KAMAE_REVOKE_ROLE_SESSIONS", false, env),
    reisolateUpdatedFindings: boolean("KAMAE_REISOLATE_UPDATED_FINDINGS", false, env),
    actOnSampleFindings: boolean("KAMAE_ACT_ON_SAMPLE_FINDINGS", false, env),
  };
}
