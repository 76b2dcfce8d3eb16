import { globToRegExp } from "../../shared/runtime/glob";

/**
 * Principals the credential workflow never restricts, only reports: Kamae's own roles (its responders, the member
 * access role) and the incident team's break-glass or admin principals. Each entry is an IAM name pattern (`*` and `?`
 * wildcards, matched against the role's or user's name whatever its path) or an IAM ARN pattern (matched as ArnLike).
 * The same entries become an explicit Deny in the steps role's policy, so even a bug in the steps cannot write to them.
 */

const NAME_PATTERN = /^[\w+=,.@*?-]{1,128}$/;
const ARN_PATTERN = /^arn:[a-z*-]+:iam::(\d{12}|\*):(role|user|\*)\/[\w+=,.@*?/-]{1,512}$/;

/** Throws unless every entry is a name or IAM ARN pattern; a lone `*` is refused (it would protect every principal). */
export function validateProtectedPrincipals(value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error("must be a list of IAM names or ARN patterns");
  for (const entry of value) {
    if (typeof entry !== "string" || !(NAME_PATTERN.test(entry) || ARN_PATTERN.test(entry))) throw new Error(`"${String(entry)}" is neither an IAM name nor an IAM role or user ARN pattern`);
    if (/^[*?]+$/.test(entry)) throw new Error(`"${entry}" would protect every principal: the workflow could restrict nothing`);
  }
  return value as string[];
}

/** The entry that protects the principal with this ARN (its real ARN, path included), if any. */
export function protectingEntry(principalArn: string, entries: readonly string[]): string | undefined {
  const name = principalArn.slice(principalArn.lastIndexOf("/") + 1);
  return entries.find((e) => globToRegExp(e).test(e.startsWith("arn:") ? principalArn : name));
}

/** IAM resource patterns covering the entries in one account (any path), for the steps role's explicit Deny. */
export function protectedResourcePatterns(entries: readonly string[], partition: string, accountId: string): string[] {
  return entries.flatMap((e) =>
    e.startsWith("arn:")
      ? [e]
      : (["role", "user"] as const).flatMap((kind) => [`arn:${partition}:iam::${accountId}:${kind}/${e}`, `arn:${partition}:iam::${accountId}:${kind}/*/${e}`]),
  );
}
