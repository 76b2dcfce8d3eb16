/**
 * The common shape of a setting rule: one resource, one judgement of its properties. A judgement returns
 * - `undefined`: compliant, or the rule does not apply to this resource;
 * - a string: the violation, saying which setting is wrong and what to set (the resource's label is prefixed);
 * - `UNKNOWN`: the preview cannot tell (an input that is an unknown output): a cannot-judge verdict (preview.ts),
 *   never compliant.
 */
import { asArray, label } from "./helpers";
import { isUnknown, resourceRule, ResourceRule, ResourceView, UNKNOWN } from "./model";
import { cannotJudge, Finding } from "./preview";

export type Judgement = string | undefined | typeof UNKNOWN;

/** The cannot-judge verdict of a setting rule on a resource whose needed input is unknown. */
export function undetermined(id: string, r: ResourceView): Finding[] {
  return [cannotJudge(`${label(r)}: the setting ${id} judges is unknown until the update (an output of a resource not created yet).`)];
}

export function settingRule(id: string, judge: (props: Record<string, any>, config: Record<string, any>, r: ResourceView) => Judgement): ResourceRule {
  return resourceRule(id, (r, config) => {
    const verdict = judge(r.props, config, r);
    if (verdict === undefined) return [];
    if (isUnknown(verdict)) return undetermined(id, r);
    return [`${label(r)}: ${verdict}`];
  });
}

/** A nested property (`"encryptionConfig.provider.keyArn"`); UNKNOWN when the value or an object on the way is. */
export { valueAt as at } from "./preview";

/**
 * Requires a flag to be true (`default` is what AWS applies when the input is not set).
 * Returns the judgement: `message` when false or missing, UNKNOWN when unknown.
 */
export function requireTrue(value: unknown, message: string, fallback = false): Judgement {
  if (isUnknown(value)) return UNKNOWN;
  const on = value === undefined || value === null ? fallback : value === true || value === "true";
  return on ? undefined : message;
}

/** Requires a value to be present and non-empty. */
export function requirePresent(value: unknown, message: string): Judgement {
  if (isUnknown(value)) return UNKNOWN;
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return message;
  return undefined;
}

/** The first judgement that is a violation, else UNKNOWN if any is unknown, else compliant. */
export function all(...judgements: Judgement[]): Judgement {
  const violation = judgements.find((j) => typeof j === "string");
  if (violation !== undefined) return violation;
  return judgements.some(isUnknown) ? UNKNOWN : undefined;
}

/**
 * The judgement of a rule that applies only to some resources (an engine, a load balancer type, a network mode): none
 * when `applies` is false; when it is unknown at preview, the judgement only if it flags nothing (the resource complies
 * whatever it turns out to be), else UNKNOWN.
 */
export function whenApplies(applies: boolean | typeof UNKNOWN, judge: () => Judgement): Judgement {
  if (applies === false) return undefined;
  const judgement = judge();
  return applies === true || judgement === undefined ? judgement : UNKNOWN;
}

/** Whether a value is one of `values`, UNKNOWN when it is unknown. */
export const oneOf = (value: unknown, values: readonly unknown[]): boolean | typeof UNKNOWN => (isUnknown(value) ? UNKNOWN : values.includes(value));

/** Parses a JSON text input (container definitions, policies); UNKNOWN when unknown, undefined when unparsable. */
export function json(value: unknown): any {
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Requires a flag to be false or absent (`fallback` is what AWS applies when the input is not set). */
export function requireFalse(value: unknown, message: string, fallback = false): Judgement {
  if (isUnknown(value)) return UNKNOWN;
  const on = value === undefined || value === null ? fallback : value === true || value === "true";
  return on ? message : undefined;
}

/** Requires a number of at least `min` (`fallback` when the input is not set). */
export function requireAtLeast(value: unknown, min: number, message: string, fallback = 0): Judgement {
  if (isUnknown(value)) return UNKNOWN;
  const n = value === undefined || value === null ? fallback : Number(value);
  return n >= min ? undefined : message;
}

/** Requires a value other than the listed ones (`fallback` when the input is not set). */
export function requireNotIn(value: unknown, bad: readonly unknown[], message: string, fallback?: unknown): Judgement {
  if (isUnknown(value)) return UNKNOWN;
  return bad.includes(value ?? fallback) ? message : undefined;
}

/** Requires one of the listed values (`fallback` when the input is not set). */
export function requireIn(value: unknown, good: readonly unknown[], message: string, fallback?: unknown): Judgement {
  if (isUnknown(value)) return UNKNOWN;
  return good.includes(value ?? fallback) ? undefined : message;
}

/**
 * Whether a domain publishes `logType` logs to CloudWatch Logs: an entry of `logPublishingOptions` of that type, not
 * disabled, with a log group. UNKNOWN when the options, an entry, its type or its switch are unknown at preview.
 */
export function publishesLogs(options: unknown, logType: string): boolean | typeof UNKNOWN {
  if (isUnknown(options) || asArray(options).some((o) => isUnknown(o) || isUnknown(o?.logType) || isUnknown(o?.enabled))) return UNKNOWN;
  return asArray(options).some((o) => o?.logType === logType && o.enabled !== false && Boolean(o.cloudwatchLogGroupArn));
}

/** DMS log severities at LOGGER_SEVERITY_DEFAULT or more detailed. */
const DMS_SEVERITIES = ["LOGGER_SEVERITY_DEFAULT", "LOGGER_SEVERITY_DEBUG", "LOGGER_SEVERITY_DETAILED_DEBUG"];

/**
 * A DMS replication task's logging (its `replicationTaskSettings` JSON) judged for `components` (the source's or the
 * target's): logging enabled, and each component logged at the default severity or more detailed.
 */
export function requireDmsTaskLogging(replicationTaskSettings: unknown, components: readonly string[]): Judgement {
  const settings = json(replicationTaskSettings);
  if (isUnknown(settings)) return UNKNOWN;
  const logging = settings?.Logging;
  const logged: any[] = Array.isArray(logging?.LogComponents) ? logging.LogComponents : [];
  const missing = components.filter((c) => !logged.some((l) => l?.Id === c && DMS_SEVERITIES.includes(l.Severity)));
  return logging?.EnableLogging === true && missing.length === 0 ? undefined : `does not log ${missing.length ? missing.join(", ") : "at all"}: enable Logging with those components at LOGGER_SEVERITY_DEFAULT`;
}
