/**
 * The preview-semantics contract every rule follows (policies/README.md, "Rules under preview semantics").
 *
 * What a rule sees during `pulumi preview`: resource rules get the resource's **inputs** (after the provider's check:
 * a property the program did not set is absent, and means the AWS default); stack rules get every resource's
 * **outputs**, where computed values of resources being created are **unknown** (`UNKNOWN` in a view).
 *
 * A rule never reads an unknown value as compliant. It judges from what it knows when that suffices (a known input
 * that violates, or one that complies whatever the unknown turns out to be), and otherwise returns `cannotJudge(...)`:
 * the pack reports it at the policy's `cannotJudge` level (advisory by default; `mandatory` for teams that want a
 * preview to prove compliance, `disabled` to hide it), with a message that says what was unknown and how to make it
 * judgeable. Absent (`undefined`) is not unknown: it is the AWS default, judged as AWS Config judges the default.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { isUnknown, ResourceView, UNKNOWN } from "./model";

/** A verdict the preview cannot give: `message` says what is unknown and what would make it judgeable. */
export interface CannotJudge {
  readonly cannotJudge: string;
}

/** What a resource rule returns per resource: violation messages and cannot-judge verdicts. */
export type Finding = string | CannotJudge;

export const cannotJudge = (message: string): CannotJudge => ({ cannotJudge: message });

export const isCannotJudge = (f: unknown): f is CannotJudge => typeof f === "object" && f !== null && typeof (f as CannotJudge).cannotJudge === "string";

/** Levels of the `cannotJudge` policy config property (the engine's enforcement levels, minus remediate). */
export const CANNOT_JUDGE_LEVELS = ["advisory", "mandatory", "disabled"] as const;
export type CannotJudgeLevel = (typeof CANNOT_JUDGE_LEVELS)[number];
export const DEFAULT_CANNOT_JUDGE_LEVEL: CannotJudgeLevel = "advisory";

/** The `cannotJudge` property every policy's config schema accepts. */
export const cannotJudgeSchema: PolicyConfigJSONSchema = {
  type: "string",
  enum: [...CANNOT_JUDGE_LEVELS],
  default: DEFAULT_CANNOT_JUDGE_LEVEL,
  description: "Level at which the policy reports a resource it cannot judge during preview (a value it needs is unknown until the update).",
};

/**
 * Prefix of the message of a diagnostic for a cannot-judge verdict, so a client of the analyzer protocol (the engine's
 * output, `kamae check`) can tell it from a violation.
 */
export const CANNOT_JUDGE_PREFIX = "cannot judge at preview:";

/** The value at a dotted path (`metadataOptions.httpTokens`); `UNKNOWN` as soon as a step on the way is unknown. */
export function valueAt(props: Record<string, any>, path: string): unknown {
  let value: any = props;
  for (const key of path.split(".")) {
    if (isUnknown(value)) return UNKNOWN;
    if (value === null || typeof value !== "object") return undefined;
    value = value[key];
  }
  return value;
}

/** The first of these paths whose value is unknown, or undefined when all are known (absent counts as known). */
export function firstUnknown(r: ResourceView, paths: readonly string[]): string | undefined {
  return paths.find((p) => isUnknown(valueAt(r.props, p)));
}

/**
 * The common shape of a resource rule: when a needed input is unknown, one cannot-judge verdict naming it;
 * otherwise the rule's own judgement over known values.
 */
export function judgeKnown(r: ResourceView, paths: readonly string[], judge: () => Finding[]): Finding[] {
  const unknown = firstUnknown(r, paths);
  return unknown === undefined ? judge() : [cannotJudge(`${r.name}: ${unknown} is unknown until the update.`)];
}

/** `true` when any value inside (arrays, objects, JSON text aside) is unknown. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (isUnknown(value)) return true;
  if (depth > 12 || value === null || typeof value !== "object") return false;
  return Object.values(value as object).some((v) => containsUnknown(v, depth + 1));
}
