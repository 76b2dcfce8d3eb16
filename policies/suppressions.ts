/**
 * Suppressions: a violation someone has accepted, with the reason on record. Two sources:
 * - the resource tag `kamae:suppress` = "<policy>=<reason>;<policy>=<reason>";
 * - the policy's config `suppressions: [{ resource: "<URN or logical name>" | "stack", reason }]`.
 * A reason shorter than 10 characters does not suppress (as in cdk-nag): the violation is reported as it is, saying
 * why the suppression was ignored. A suppressed violation is still reported, as an advisory diagnostic (so it does not
 * fail the preview) whose message starts with "suppressed (<level>): <reason>", `<level>` being the level the violation
 * had: a suppressed mandatory finding stays visible as mandatory in previews and in `kamae check` reports.
 */
import { tagsOf } from "./helpers";
import { ResourceView } from "./model";

export const SUPPRESS_TAG = "kamae:suppress";
export const SUPPRESSED_PREFIX = "suppressed";
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

/** The first line of a suppressed violation's message: its level and the reason on record. */
export function suppressedMessage(level: string, reason: string, violation: string): string {
  return `${SUPPRESSED_PREFIX} (${level}): ${reason}\n${violation}`;
}

/**
 * Reads a suppressed violation's message back (`kamae check`, the engine suite): the level it had, the reason, the
 * violation. `level` is absent in the older form "suppressed: <reason>"; undefined for a message that is no suppression.
 */
export function parseSuppressedMessage(message: string): { level?: string; reason: string; violation: string } | undefined {
  const newline = message.indexOf("\n");
  const first = newline < 0 ? message : message.slice(0, newline);
  const match = /^suppressed(?: \((advisory|mandatory|remediate|disabled)\))?: (.*)$/.exec(first);
  if (!match) return undefined;
  return { ...(match[1] ? { level: match[1] } : {}), reason: match[2].trim(), violation: newline < 0 ? "" : message.slice(newline + 1) };
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
