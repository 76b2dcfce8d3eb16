import { boolean, ConfigurationError, integer, json, optionalString, requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import type { BreakerLimits } from "../../shared/aws/window-breaker";
import { validateProtectedPrincipals } from "./protected-principals";
import { type ActionModes, DEFAULT_ROUTES, type FindingRoute, validateModes, validateRoutes } from "./routing";

type Env = Record<string, string | undefined>;

/** The environment variables the component sets and the responder function reads (each listed in the README). */
export const ResponderEnv = {
  routes: "KAMAE_ROUTES",
  actionModes: "KAMAE_ACTION_MODES",
  topicArn: "KAMAE_TOPIC_ARN",
  tableName: "KAMAE_TABLE_NAME",
  isolationFunctionArn: "KAMAE_ISOLATION_FUNCTION_ARN",
  wafBlockQueueUrl: "KAMAE_WAF_BLOCK_QUEUE_URL",
  blockTtlMinutes: "KAMAE_BLOCK_TTL_MINUTES",
  scanDocumentName: "KAMAE_SCAN_DOCUMENT_NAME",
  scanDocumentParameters: "KAMAE_SCAN_DOCUMENT_PARAMETERS",
  credentialWorkflowArn: "KAMAE_CREDENTIAL_WORKFLOW_ARN",
  macieBucketKmsKeyArn: "KAMAE_MACIE_BUCKET_KMS_KEY_ARN",
  publicBuckets: "KAMAE_PUBLIC_BUCKETS",
  publicBucketTagKey: "KAMAE_PUBLIC_BUCKET_TAG_KEY",
  actOnSampleFindings: "KAMAE_ACT_ON_SAMPLE_FINDINGS",
  bucketBreakerMax: "KAMAE_BUCKET_BREAKER_MAX",
  bucketBreakerWindowSeconds: "KAMAE_BUCKET_BREAKER_WINDOW_SECONDS",
} as const;

/** The environment variables the component sets and the credential-steps function reads. */
export const StepsEnv = {
  reportBucket: "KAMAE_REPORT_BUCKET",
  reportKmsKeyArn: "KAMAE_REPORT_KMS_KEY_ARN",
  lookbackHours: "KAMAE_ACTIVITY_LOOKBACK_HOURS",
  maxEvents: "KAMAE_ACTIVITY_MAX_EVENTS",
  protectedPrincipals: "KAMAE_PROTECTED_PRINCIPALS",
} as const;

/** What an unset setting means, to the functions and to the component alike. */
export const GuardDutyDefaults = {
  blockTtlMinutes: 240,
  publicBucketTagKey: "kamae:intentionally-public",
  actOnSampleFindings: false,
  lookbackHours: 24,
  maxEvents: 1000,
  bucketBreakerMax: 5,
  bucketBreakerWindowSeconds: 3600,
} as const;

/** The ranges the functions accept; the component checks its args against the same. */
export const BLOCK_TTL_MINUTES = { min: 5, max: 525_600 } as const;
export const LOOKBACK_HOURS = { min: 1, max: 24 * 90 } as const;
export const BUCKET_BREAKER_MAX = { min: 0, max: 1000 } as const;
export const BUCKET_BREAKER_WINDOW_SECONDS = { min: 60, max: 7 * 86400 } as const;

export interface ResponderSettings {
  readonly routes: FindingRoute[];
  readonly modes: ActionModes;
  readonly topicArn: string;
  /** The component's table of findings already answered (replays stay quiet). */
  readonly tableName: string;
  readonly isolationFunctionArn?: string;
  readonly wafBlockQueueUrl?: string;
  /** The function's own Region: where a queue whose URL names none (an emulator's, a VPC endpoint's) lives. */
  readonly region?: string;
  readonly blockTtlMinutes: number;
  readonly scanDocumentName?: string;
  readonly scanDocumentParameters: Record<string, string[]>;
  readonly credentialWorkflowArn?: string;
  /** Key for the default encryption that protectBucket sets; the account's aws/s3 key when absent. */
  readonly macieBucketKmsKeyArn?: string;
  /** Buckets that are public on purpose (names, `*`/`?` wildcards): never closed, only reported. */
  readonly publicBuckets: string[];
  /** A bucket tagged with this key and the value "true" is public on purpose (the tag is read from the bucket). */
  readonly publicBucketTagKey: string;
  /** Opt-in for drills: act on GuardDuty sample findings, which are otherwise dismissed. */
  readonly actOnSampleFindings?: boolean;
  /** At most `max` buckets changed per `windowSeconds` (all findings together); past it, buckets are only reported. */
  readonly bucketBreaker: BreakerLimits;
}

/** Throws unless the value is a list of bucket name patterns (the component checks `publicBuckets` with it too). */
export function bucketPatterns(value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error("must be a list of bucket names (wildcards * and ?)");
  const bad = value.find((b) => typeof b !== "string" || !/^[a-z0-9.*?-]{1,63}$/.test(b));
  if (bad !== undefined) throw new Error(`${JSON.stringify(bad)} is not a bucket name (wildcards * and ?)`);
  return value as string[];
}

/** The setting each action needs; the component checks the same list at construction time. */
export const ACTION_REQUIREMENTS = {
  isolate: "isolationFunctionArn",
  block: "wafBlockQueueUrl",
  scan: "scanDocumentName",
  restrictCredentials: "credentialWorkflowArn",
} as const;

function scanParameters(value: unknown): Record<string, string[]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("must be an object of string lists");
  for (const [k, v] of Object.entries(value)) {
    if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) throw new Error(`parameter ${k} must be a list of strings`);
  }
  return value as Record<string, string[]>;
}

/** The responder function's settings (each listed in the README); a bad one fails the cold start. */
export function settingsFromEnv(env: Env = process.env): ResponderSettings {
  const e = ResponderEnv;
  const d = GuardDutyDefaults;
  const settings: ResponderSettings = {
    routes: json(e.routes, (v) => validateRoutes(v), [...DEFAULT_ROUTES], env),
    modes: json(e.actionModes, (v) => validateModes(v), {}, env),
    topicArn: requiredString(e.topicArn, env),
    tableName: requiredString(e.tableName, env),
    isolationFunctionArn: optionalString(e.isolationFunctionArn, env),
    wafBlockQueueUrl: optionalString(e.wafBlockQueueUrl, env),
    region: optionalString("AWS_REGION", env),
    blockTtlMinutes: integer(e.blockTtlMinutes, d.blockTtlMinutes, BLOCK_TTL_MINUTES, env),
    scanDocumentName: optionalString(e.scanDocumentName, env),
    scanDocumentParameters: json(e.scanDocumentParameters, scanParameters, {}, env),
    credentialWorkflowArn: optionalString(e.credentialWorkflowArn, env),
    macieBucketKmsKeyArn: optionalString(e.macieBucketKmsKeyArn, env),
    publicBuckets: json(e.publicBuckets, bucketPatterns, [], env),
    publicBucketTagKey: optionalString(e.publicBucketTagKey, env) ?? d.publicBucketTagKey,
    actOnSampleFindings: boolean(e.actOnSampleFindings, d.actOnSampleFindings, env),
    bucketBreaker: {
      max: integer(e.bucketBreakerMax, d.bucketBreakerMax, BUCKET_BREAKER_MAX, env),
      windowSeconds: integer(e.bucketBreakerWindowSeconds, d.bucketBreakerWindowSeconds, BUCKET_BREAKER_WINDOW_SECONDS, env),
    },
  };
  for (const route of settings.routes) {
    for (const action of route.actions) {
      const needed = ACTION_REQUIREMENTS[action as keyof typeof ACTION_REQUIREMENTS];
      if (needed && settings[needed] === undefined) throw new ConfigurationError(`route "${route.name}" uses ${action}, which needs ${needed} (environment)`);
    }
  }
  return settings;
}



export interface StepSettings {
  readonly reportBucket: string;
  readonly reportKmsKeyArn?: string;
  /** How far before the finding the activity report starts. */
  readonly lookbackHours: number;
  /** At most this many events in a report (LookupEvents is limited to 2 calls per second per account and Region). */
  readonly maxEvents: number;
  /** Principals never restricted, only reported (names or ARN patterns; see protected-principals.ts). */
  readonly protectedPrincipals: readonly string[];
}

/** The credential-steps function's settings (each listed in the README); a bad one fails the cold start. */
export function stepSettingsFromEnv(env: Env = process.env): StepSettings {
  const e = StepsEnv;
  const d = GuardDutyDefaults;
  const memberRole = optionalString(AccountAccessEnv.memberRoleName, env);
  return {
    reportBucket: requiredString(e.reportBucket, env),
    reportKmsKeyArn: optionalString(e.reportKmsKeyArn, env),
    lookbackHours: integer(e.lookbackHours, d.lookbackHours, LOOKBACK_HOURS, env),
    maxEvents: integer(e.maxEvents, d.maxEvents, { min: 50, max: 10000 }, env),
    // The member access role is Kamae's own: protected whatever the configuration says.
    protectedPrincipals: [...json(e.protectedPrincipals, validateProtectedPrincipals, [], env), ...(memberRole ? [memberRole] : [])],
  };
}
