import { boolean, ConfigurationError, integer, json, requiredString } from "../../shared/runtime/env";
import { DEFAULT_MAX_MESSAGE_BYTES, SNS_MESSAGE_LIMIT } from "./messages";
import { type ActivityRule, RuleSet, validateRules } from "./rules";

type Env = Record<string, string | undefined>;

/** The environment variables the component sets and the function reads (each listed in the README). */
export const ActivityEnv = {
  rules: "KAMAE_ACTIVITY_RULES",
  excludeAwsServiceCalls: "KAMAE_EXCLUDE_AWS_SERVICE_CALLS",
  topicArn: "KAMAE_TOPIC_ARN",
  maxMessageBytes: "KAMAE_MAX_MESSAGE_BYTES",
  tableName: "KAMAE_TABLE_NAME",
} as const;

/** What an unset setting means, to the function and to the component alike. */
export const ActivityDefaults = { excludeAwsServiceCalls: true, maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES } as const;

/** The message sizes the function accepts: room for one call, and under SNS's limit with the envelope. */
export const MESSAGE_BYTES = { min: 8 * 1024, max: SNS_MESSAGE_LIMIT - 1024 } as const;

/** The function's settings, read once at cold start; the rules are validated again here (the environment may be edited). */
export interface FilterSettings {
  readonly rules: RuleSet;
  readonly topicArn: string;
  readonly maxMessageBytes: number;
  /** The table of log files already answered. */
  readonly tableName: string;
}

export function settingsFromEnv(env: Env = process.env): FilterSettings {
  const e = ActivityEnv;
  const rules = json<ActivityRule[] | undefined>(e.rules, (v) => validateRules(v), undefined, env);
  if (rules === undefined) throw new ConfigurationError(`environment variable ${e.rules} is required`);
  return {
    rules: new RuleSet(rules, { excludeAwsServiceCalls: boolean(e.excludeAwsServiceCalls, ActivityDefaults.excludeAwsServiceCalls, env) }),
    topicArn: requiredString(e.topicArn, env),
    maxMessageBytes: integer(e.maxMessageBytes, ActivityDefaults.maxMessageBytes, MESSAGE_BYTES, env),
    tableName: requiredString(e.tableName, env),
  };
}
