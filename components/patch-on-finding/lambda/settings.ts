import { integer, list, oneOf, optionalString, requiredString } from "../../shared/runtime/env";
import { KamaeTags } from "../../shared/runtime/tags";
import type { PatchSettings } from "./plan";

type Env = Record<string, string | undefined>;

/** The function's settings from its environment (each listed in the README); a bad one fails the cold start. */
export function settingsFromEnv(env: Env = process.env): PatchSettings & { topicArn?: string; tableName: string } {
  return {
    mode: oneOf("KAMAE_MODE", ["enforce", "detect"] as const, "detect", env),
    minSeverity: oneOf("KAMAE_MIN_SEVERITY", ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const, "HIGH", env),
    maxConcurrent: integer("KAMAE_MAX_CONCURRENT", 5, { min: 1, max: 100 }, env),
    cooldownMinutes: integer("KAMAE_COOLDOWN_MINUTES", 360, { min: 0, max: 30 * 24 * 60 }, env),
    strategy: oneOf("KAMAE_PATCH_STRATEGY", ["immediate", "maintenance-window"] as const, "immediate", env),
    pendingTagKey: optionalString("KAMAE_PENDING_TAG_KEY", env) ?? "kamae:patch-pending",
    rebootOption: oneOf("KAMAE_REBOOT_OPTION", ["RebootIfNeeded", "NoReboot"] as const, "RebootIfNeeded", env),
    topicArn: optionalString("KAMAE_TOPIC_ARN", env),
    tableName: requiredString("KAMAE_TABLE_NAME", env),
    scopeTagKey: optionalString("KAMAE_SCOPE_TAG_KEY", env),
    scopeAutoScalingGroups: list("KAMAE_SCOPE_ASG_NAMES", env),
    protectionTagKey: optionalString("KAMAE_PROTECTION_TAG_KEY", env) ?? KamaeTags.protected,
    maxPerAutoScalingGroup: integer("KAMAE_MAX_PER_ASG", 1, { min: 1, max: 100 }, env),
    groupTagKey: optionalString("KAMAE_GROUP_TAG_KEY", env),
    groupMaxPercent: integer("KAMAE_GROUP_MAX_PERCENT", 34, { min: 1, max: 100 }, env),
  };
}

