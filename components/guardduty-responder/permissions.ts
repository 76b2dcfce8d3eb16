import * as pulumi from "@pulumi/pulumi";
import type { Statement } from "../shared/iam/policy";
import { isPlain, type ListValue, mayHaveItems } from "../shared/validation";
import { protectedResourcePatterns } from "./lambda/protected-principals";
import type { ResponseAction } from "./lambda/routing";

export interface GuardDutyPermissionsContext {
  readonly partition: pulumi.Input<string>;
  /** The account a finding is about: the function's home account, or a member account. */
  readonly accountId: pulumi.Input<string>;
  /** The actions the routes use (only the ones that act in the finding's account grant anything). */
  readonly actions: readonly ResponseAction[];
  /** The anti-malware SSM document (needed with "scan"). */
  readonly scanDocumentName?: pulumi.Input<string>;
  /** Principals the credential steps must never change (names or IAM ARN patterns; see lambda/protected-principals.ts). */
  readonly protectedPrincipals?: ListValue;
  /** Kamae's own roles (exact ARNs), never changed either. */
  readonly protectedRoleArns?: readonly pulumi.Input<string>[];
}

/**
 * What GuardDutyResponder's router does in the account a finding names: scan an instance, protect a bucket. The
 * component grants these for its home account and MemberAccountAccess to the member role, so the two cannot disagree.
 */
export function guardDutyResponderActStatements(ctx: GuardDutyPermissionsContext): Statement[] {
  const used = new Set(ctx.actions);
  const statements: Statement[] = [];
  if (used.has("scan")) {
    if (ctx.scanDocumentName === undefined) throw new Error("a route scans instances: the scan document name is needed");
    statements.push({
      sid: "SendScan",
      actions: ["ssm:SendCommand"],
      // The document (the account's own, or AWS's, whose ARN has no account) and the account's instances.
      resources: [
        pulumi.interpolate`arn:${ctx.partition}:ssm:*:${ctx.accountId}:document/${ctx.scanDocumentName}`,
        pulumi.interpolate`arn:${ctx.partition}:ssm:*::document/${ctx.scanDocumentName}`,
        pulumi.interpolate`arn:${ctx.partition}:ec2:*:${ctx.accountId}:instance/*`,
      ],
    });
    statements.push({ sid: "ListCommandsIsNotResourceScoped", actions: ["ssm:ListCommands"], resources: ["*"] });
  }
  // The finding names the bucket, any bucket of the account. S3 bucket ARNs carry no account: s3:ResourceAccount keeps
  // the grant to the buckets of the account the finding is about, never another account's (however open its policy).
  const ownBuckets = { StringEquals: { "s3:ResourceAccount": ctx.accountId as pulumi.Input<string> } };
  if (used.has("blockPublicAccess") || used.has("protectBucket")) {
    // GetBucketTagging: a bucket public on purpose says so with a tag, read from the bucket itself.
    statements.push({ sid: "ProtectFindingBuckets", actions: ["s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock", "s3:GetBucketTagging"], resources: [pulumi.interpolate`arn:${ctx.partition}:s3:::*`], conditions: ownBuckets });
  }
  if (used.has("protectBucket")) {
    statements.push({
      sid: "ProtectSensitiveBuckets",
      actions: ["s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration", "s3:GetBucketPolicy", "s3:PutBucketPolicy"],
      resources: [pulumi.interpolate`arn:${ctx.partition}:s3:::*`],
      conditions: ownBuckets,
    });
  }
  return statements;
}

/**
 * What the credential workflow's steps do in the account of a compromised principal (with "restrictCredentials"):
 * read the principal, deactivate the long-term key the finding names, write Kamae's own deny-old-sessions policy. Any
 * role or user of the account may be the compromised one; protected principals (Kamae's own roles, break-glass and
 * admin principals) are explicitly denied, so not even a bug in the steps can write to them.
 */
export function guardDutyCredentialActStatements(ctx: GuardDutyPermissionsContext): Statement[] {
  if (!ctx.actions.includes("restrictCredentials")) return [];
  const principals = (kind: "role" | "user") => [pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:${kind}/*`];
  const statements: Statement[] = [
    { sid: "RestrictRoles", actions: ["iam:GetRole", "iam:GetRolePolicy", "iam:PutRolePolicy"], resources: principals("role") },
    { sid: "RestrictUsers", actions: ["iam:GetUser", "iam:GetUserPolicy", "iam:PutUserPolicy", "iam:ListAccessKeys", "iam:UpdateAccessKey"], resources: principals("user") },
    { sid: "LookupEventsIsNotResourceScoped", actions: ["cloudtrail:LookupEvents"], resources: ["*"] },
  ];
  const given = ctx.protectedPrincipals ?? [];
  const own = ctx.protectedRoleArns ?? [];
  // A whole output list resolves with the partition and account; an empty one leaves only `own` (or no statement).
  const resources: ListValue = Array.isArray(given)
    ? [...given.flatMap((entry) => protectedResources(entry, ctx.partition, ctx.accountId)), ...own]
    : pulumi.all([given, ctx.partition, ctx.accountId, pulumi.all([...own])]).apply(([entries, part, account, ownArns]) => [...protectedResourcePatterns(entries, part, account), ...ownArns]);
  if (mayHaveItems(resources)) statements.push({ sid: "NeverChangeProtectedPrincipals", effect: "Deny", actions: ["iam:PutRolePolicy", "iam:PutUserPolicy", "iam:UpdateAccessKey"], resources });
  return statements;
}

/**
 * The Deny's resources for one protected entry. The statement's resource count is fixed before the entry resolves: a
 * plain entry takes as many as its patterns, an output (a name or an ARN, known at deploy) the four a name takes; an
 * ARN fills them with itself, and the document drops the repeats.
 */
function protectedResources(entry: pulumi.Input<string>, partition: pulumi.Input<string>, accountId: pulumi.Input<string>): pulumi.Output<string>[] {
  const slots = isPlain(entry) ? protectedResourcePatterns([entry], "", "").length : 4;
  return Array.from({ length: slots }, (_, slot) =>
    pulumi.all([entry, partition, accountId]).apply(([e, part, account]) => {
      const patterns = protectedResourcePatterns([e], part, account);
      return patterns[Math.min(slot, patterns.length - 1)];
    }),
  );
}
