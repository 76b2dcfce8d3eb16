/**
 * Suppressions: a violation someone has accepted, with the reason on record. Two sources:
 * - the resource tag `kamae:suppress` = "<policy>=<reason>;<policy>=<reason>";
 * - the policy's config `suppressions: [{ resource: "<URN or logical name>" | "stack", reason }]`.
 * A reason shorter than 10 characters does not suppress (as in cdk-nag): the violation is reported as it is, saying
 * why the suppression was ignored. A suppressed violation is still reported, as an advisory diagnostic whose message
 * starts with "suppressed: <reason>", so it stays visible in previews and in `kamae check` reports.
 */
import { tagsOf } from "./helpers";
import { ResourceView } from "./model";

export const SUPPRESS_TAG = "kamae:suppress";
export const SUPPRESSED_PREFIX = "suppressed:";
export const MIN_REASON_LENGTH = 10;

export interface ConfigSuppression {
  /** URN or logical name of the resource, or "stack" for findings about the stack as a whole. */
  readonly resource: string;
  readonly reason: string;
}

export type SuppressionVerdict = { suppressed: true; reason: string } | { suppressed: false; note?: string };

/** Parses the tag value into policy → reason (later entries for the same policy win). */
export function parseSuppressTag(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** Whether the violation of `policy` on `resource` (undefined: the stack) is suppressed, by tag or by config. */
export function suppressionFor(policy: string, resource: ResourceView | undefined, configured: readonly ConfigSuppression[] | undefined): SuppressionVerdict {
  const reasons: string[] = [];
  if (resource) {
    const tag = tagsOf(resource)[SUPPRESS_TAG];
    const reason = tag === undefined ? undefined : parseSuppressTag(tag).get(policy);
    if (reason !== undefined) reasons.push(reason);
  }
  for (const s of configured ?? []) {
    const matches = resource ? s.resource === resource.urn || s.resource === resource.name : s.resource === "stack";
    if (matches && typeof s.reason === "string") reasons.push(s.reason);
  }
  const valid = reasons.find((r) => r.trim().length >= MIN_REASON_LENGTH);
  if (valid !== undefined) return { suppressed: true, reason: valid.trim() };
  if (reasons.length > 0) return { suppressed: false, note: `suppression ignored: its reason must be at least ${MIN_REASON_LENGTH} characters` };
  return { suppressed: false };
}

/** The JSON schema of the `suppressions` config property every policy accepts. */
export const suppressionsSchema = {
  type: "array",
  description: 'Accepted violations: [{ "resource": "<URN or logical name>" | "stack", "reason": "<at least 10 characters>" }].',
  items: {
    type: "object",
    properties: { resource: { type: "string", minLength: 1 }, reason: { type: "string", minLength: MIN_REASON_LENGTH } },
    required: ["resource", "reason"],
  },
  default: [],
} as const;
