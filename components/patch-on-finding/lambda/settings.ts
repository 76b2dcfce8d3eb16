import { integer, list, oneOf, optionalString, requiredString } from "../../shared/runtime/env";
import { KamaeTags } from "../../shared/runtime/tags";
import type { PatchSettings } from "./plan";

type Env = Record<string, string | undefined>;

/** The environment variables the component sets and the function reads (each listed in the README). */
export const PatchEnv = {
  mode: "KAMAE_MODE",
  minSeverity: "KAMAE_MIN_SEVERITY",
  maxConcurrent: "KAMAE_MAX_CONCURRENT",
  cooldownMinutes: "KAMAE_COOLDOWN_MINUTES",
  strategy: "KAMAE_PATCH_STRATEGY",
  pendingTagKey: "KAMAE_PENDING_TAG_KEY",
  rebootOption: "KAMAE_REBOOT_OPTION",
  topicArn: "KAMAE_TOPIC_ARN",
  tableName: "KAMAE_TABLE_NAME",
  scopeTagKey: "KAMAE_SCOPE_TAG_KEY",
  scopeAutoScalingGroups: "KAMAE_SCOPE_ASG_NAMES",
  protectionTagKey: "KAMAE_PROTECTION_TAG_KEY",
  maxPerAutoScalingGroup: "KAMAE_MAX_PER_ASG",
  groupTagKey: "KAMAE_GROUP_TAG_KEY",
  groupMaxPercent: "KAMAE_GROUP_MAX_PERCENT",
} as const;

/** What an unset setting means, to the function and to the component alike. */
export const PatchDefaults = {
  mode: "detect",
  minSeverity: "HIGH",
  maxConcurrent: 5,
  cooldownMinutes: 360,
  strategy: "immediate",
  pendingTagKey: "kamae:patch-pending",
  rebootOption: "RebootIfNeeded",
  protectionTagKey: KamaeTags.protected,
  maxPerAutoScalingGroup: 1,
  groupMaxPercent: 34,
} as const;

/** The function's settings from its environment (each listed in the README); a bad one fails the cold start. */
export function settingsFromEnv(env: Env = process.env): PatchSettings & { topicArn?: string; tableName: string } {
  const e = PatchEnv;
  const d = PatchDefaults;
  return {
    mode: oneOf(e.mode, ["enforce", "detect"] as const, d.mode, env),
    minSeverity: oneOf(e.minSeverity, ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const, d.minSeverity, env),
    maxConcurrent: integer(e.maxConcurrent, d.maxConcurrent, { min: 1, max: 100 }, env),
    cooldownMinutes: integer(e.cooldownMinutes, d.cooldownMinutes, { min: 0, max: 30 * 24 * 60 }, env),
    strategy: oneOf(e.strategy, ["immediate", "maintenance-window"] as const, d.strategy, env),
    pendingTagKey: optionalString(e.pendingTagKey, env) ?? d.pendingTagKey,
    rebootOption: oneOf(e.rebootOption, ["RebootIfNeeded", "NoReboot"] as const, d.rebootOption, env),
    topicArn: optionalString(e.topicArn, env),
    tableName: requiredString(e.tableName, env),
    scopeTagKey: optionalString(e.scopeTagKey, env),
    scopeAutoScalingGroups: list(e.scopeAutoScalingGroups, env),
    protectionTagKey: optionalString(e.protectionTagKey, env) ?? d.protectionTagKey,
    maxPerAutoScalingGroup: integer(e.maxPerAutoScalingGroup, d.maxPerAutoScalingGroup, { min: 1, max: 100 }, env),
    groupTagKey: optionalString(e.groupTagKey, env),
    groupMaxPercent: integer(e.groupMaxPercent, d.groupMaxPercent, { min: 1, max: 100 }, env),
  };
}
