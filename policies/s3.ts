/**
 * S3 in @pulumi/aws v7: a bucket's versioning, encryption, public access block, policy, ACL and logging are usually
 * separate resources that name the bucket in their `bucket` property (the deprecated inline arguments still exist and
 * count too). These helpers judge a bucket together with them.
 */
import { asArray, coverage, identifiersOf, isPublicPrincipal, hasRestrictingCondition, label, list, ofType, ofTypeCached, programValue, referrers, refersTo, statementsOf, T } from "./helpers";
import { isUnknown, ResourceView, StackViolation } from "./model";

export type Verdict = "covered" | "uncovered" | "unknown";

/** True when every listed value is exactly `true`; unknown when one is unknown. */
function allTrue(values: unknown[]): boolean | "unknown" {
  if (values.some((v) => v !== true && !isUnknown(v))) return false;
  return values.some(isUnknown) ? "unknown" : true;
}

/**
 * The bucket's Block Public Access settings: those of the BucketPublicAccessBlock naming it, else the default of every
 * new bucket since April 2023 (all four on), which AWS Config judges compliant. A block whose reference cannot be
 * resolved at preview, and that is not fully on, may be this bucket's: "unknown".
 */
export function publicAccessBlock(bucket: ResourceView, resources: readonly ResourceView[], settings: readonly string[]): Verdict {
  const blocks = ofTypeCached(resources, T.bucketPublicAccessBlock);
  const { matches, unresolved } = referrers(bucket, blocks, "bucket");
  const judge = (c: ResourceView) => allTrue(settings.map((s) => c.props[s]));
  if (matches.length > 0) {
    const verdicts = matches.map(judge);
    return verdicts.includes(true) ? "covered" : verdicts.includes("unknown") ? "unknown" : "uncovered";
  }
  if (unresolved && blocks.some((c) => judge(c) !== true && refersTo(c, "bucket", bucket) === "unknown")) return "unknown";
  return "covered";
}

export const ALL_BPA_SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export function versioning(bucket: ResourceView, resources: readonly ResourceView[]): Verdict {
  const inline = bucket.props.versioning ?? asArray(bucket.props.versionings)[0];
  if (inline && !isUnknown(inline) && inline.enabled === true) return "covered";
  return coverage(bucket, ofTypeCached(resources, T.bucketVersioning), "bucket", (c) => {
    const config = c.props.versioningConfiguration;
    return isUnknown(config) || isUnknown(config?.status) ? "unknown" : config?.status === "Enabled";
  });
}

/** The default-encryption rules that apply to the bucket: inline (`serverSideEncryptionConfiguration.rule`) or separate. */
export function encryptionRules(bucket: ResourceView, resources: readonly ResourceView[]): { rules: any[]; unknown: boolean } {
  const rules: any[] = [];
  const inline = bucket.props.serverSideEncryptionConfiguration;
  if (inline && !isUnknown(inline)) rules.push(...asArray(inline.rule), ...asArray(inline.rules));
  for (const c of asArray(bucket.props.serverSideEncryptionConfigurations)) rules.push(...asArray(c?.rules));
  const { matches, unresolved } = referrers(bucket, ofTypeCached(resources, T.bucketEncryption), "bucket");
  let unknown = unresolved || isUnknown(inline);
  for (const c of matches) {
    if (isUnknown(c.props.rules)) unknown = true;
    else rules.push(...asArray(c.props.rules));
  }
  return { rules, unknown };
}

/** Statements of the bucket's policies: inline `policy` and BucketPolicy resources naming it. */
export function bucketPolicyStatements(bucket: ResourceView, resources: readonly ResourceView[]): { statements: Array<{ from: ResourceView; statement: any }>; unknown: boolean } {
  const out: Array<{ from: ResourceView; statement: any }> = [];
  let unknown = false;
  const add = (from: ResourceView, policy: unknown) => {
    const statements = statementsOf(policy);
    if (statements === undefined) {
      if (policy !== undefined && policy !== null) unknown = true;
      return;
    }
    for (const statement of statements) out.push({ from, statement });
  };
  add(bucket, bucket.props.policy);
  const { matches, unresolved } = referrers(bucket, ofTypeCached(resources, T.bucketPolicy), "bucket");
  if (unresolved) unknown = true;
  for (const c of matches) add(c, c.props.policy);
  return { statements: out, unknown };
}

/** Buckets in the stack that a configuring resource's `bucket` property names; `undefined` when it cannot tell. */
export function bucketsNamedBy(config: ResourceView, buckets: readonly ResourceView[]): ResourceView[] | undefined {
  const refs = buckets.map((b) => refersTo(config, "bucket", b));
  if (refs.includes("unknown")) return undefined;
  return buckets.filter((_, i) => refs[i] === true);
}

const READ_ACTIONS = ["s3:getobject", "s3:getobjectversion", "s3:listbucket", "s3:get*", "s3:list*"];
const WRITE_ACTIONS = ["s3:putobject", "s3:deleteobject", "s3:deleteobjectversion", "s3:put*", "s3:delete*", "s3:putbucketpolicy", "s3:putbucketacl"];

/** A policy statement that lets anyone (no restricting condition) perform read or write actions. */
export function publicGrant(statement: any, kind: "read" | "write"): boolean {
  if (statement?.Effect !== "Allow" || !isPublicPrincipal(statement.Principal) || hasRestrictingCondition(statement)) return false;
  const actions = list(statement.Action).map((a) => a.toLowerCase());
  const wanted = kind === "read" ? READ_ACTIONS : WRITE_ACTIONS;
  return actions.some((a) => a === "*" || a === "s3:*" || wanted.includes(a));
}

const PUBLIC_GRANTEES = ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];

/**
 * Whether a canned ACL or an access control policy grants the public read or write: `"unknown"` when it does not
 * visibly but an ACL, the policy, its grants or a grant's permission or grantee unknown at preview may.
 */
export function publicAcl(acl: unknown, accessControlPolicy: unknown, kind: "read" | "write"): boolean | "unknown" {
  const canned = kind === "read" ? ["public-read", "public-read-write", "authenticated-read"] : ["public-read-write"];
  if (typeof acl === "string" && canned.includes(acl)) return true;
  const permissions = kind === "read" ? ["READ", "FULL_CONTROL"] : ["WRITE", "FULL_CONTROL"];
  const grants = accessControlPolicy && !isUnknown(accessControlPolicy) ? (accessControlPolicy as any).grants : undefined;
  const may = (value: unknown, matching: readonly unknown[]) => isUnknown(value) || matching.includes(value);
  if (asArray(grants).some((g) => permissions.includes(g?.permission) && PUBLIC_GRANTEES.includes(g?.grantee?.uri))) return true;
  const undecided = [acl, accessControlPolicy, grants].some(isUnknown) || asArray(grants).some((g) => isUnknown(g) || isUnknown(g?.grantee) || (may(g?.permission, permissions) && may(g?.grantee?.uri, PUBLIC_GRANTEES)));
  return undecided ? "unknown" : false;
}

/** The deprecated inline `grants` of a Bucket (`{ type, uri, permissions[] }`) granting the public read or write. */
export function inlineGrantsPublic(grants: unknown, kind: "read" | "write"): boolean {
  const permissions = kind === "read" ? ["READ", "FULL_CONTROL"] : ["WRITE", "FULL_CONTROL"];
  return asArray(grants).some((g) => PUBLIC_GRANTEES.includes(g?.uri) && asArray(g?.permissions).some((p) => permissions.includes(p)));
}

export interface LogTargets {
  readonly names: Set<string>;
  readonly urns: Set<string>;
  readonly unknown: boolean;
}

export const NO_LOG_TARGETS: LogTargets = { names: new Set(), urns: new Set(), unknown: false };

/**
 * Buckets other resources write logs to: by name/ARN when known, by the engine's property dependencies when not;
 * `unknown` when a destination cannot be resolved. `s3-access-logs`: targets of S3 server access logs (the only
 * buckets exempt from logging themselves: logging them would loop; CloudTrail, CloudFront and flow-log buckets need
 * access logs, as CIS 3.6 and FSBP CloudTrail.7 say). `sse-s3-only`: the deliveries that accept only SSE-S3 (AES256)
 * targets, S3 server access logs and ELB access logs.
 */
/** The bucket name in a reference given as a name, an ARN (any partition, with or without a key) or an S3 endpoint. */
export const bucketNameOf = (ref: string) => ref.replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/, "").replace(/^arn:aws[a-z-]*:s3:::/, "").split("/")[0];

export function logTargets(resources: readonly ResourceView[], sources: "s3-access-logs" | "sse-s3-only"): LogTargets {
  const names = new Set<string>();
  const urns = new Set<string>();
  let unknown = false;
  const add = (r: ResourceView, prop: string, v: unknown) => {
    if (isUnknown(v)) {
      const deps = r.propertyDependencies?.[prop] ?? r.dependencies ?? [];
      if (deps.length === 0) unknown = true;
      deps.forEach((d) => urns.add(d));
    } else if (typeof v === "string" && v !== "") {
      names.add(bucketNameOf(v));
    }
  };
  for (const r of resources) {
    if (T.bucketLogging.includes(r.type as any)) add(r, "targetBucket", r.props.targetBucket);
    if (T.bucket.includes(r.type as any) && r.props.logging) add(r, "logging", r.props.logging?.targetBucket);
    if (sources === "sse-s3-only" && T.loadBalancer.includes(r.type as any) && r.props.accessLogs) add(r, "accessLogs", r.props.accessLogs?.bucket);
  }
  return { names, urns, unknown };
}

/** Whether the bucket receives logs; "unknown" when it does not visibly but a destination in the stack is unresolved. */
export function isLogTarget(bucket: ResourceView, targets: LogTargets): boolean | "unknown" {
  if (targets.urns.has(bucket.urn) || [...identifiersOf(bucket)].some((id) => targets.names.has(id))) return true;
  return targets.unknown ? "unknown" : false;
}

/**
 * Buckets that an ACL or a bucket policy opens to the public for `kind`, and that Block Public Access leaves exposed
 * (it ignores public ACLs with `ignorePublicAcls`, and restricts public policies with `restrictPublicBuckets`).
 */
export function publicAccessViolations(resources: readonly ResourceView[], kind: "read" | "write"): StackViolation[] {
  const buckets = ofType(resources, T.bucket);
  const out: StackViolation[] = [];
  const settingsFor = (via: "acl" | "policy") => (via === "acl" ? ["ignorePublicAcls"] : ["restrictPublicBuckets"]);
  const what = (via: "acl" | "policy") => (via === "acl" ? "an ACL" : "a bucket policy statement");
  const report = (grantor: ResourceView, targets: ResourceView[] | undefined, via: "acl" | "policy") => {
    if (targets === undefined) return;
    if (targets.length === 0) out.push({ resource: grantor, message: `${label(grantor)} grants public ${kind} access through ${what(via)}.` });
    for (const b of targets) {
      const block = publicAccessBlock(b, resources, settingsFor(via));
      if (block === "uncovered") out.push({ resource: b, message: `Bucket ${label(b)} allows public ${kind} access through ${what(via)} (${label(grantor)}).` });
      else if (block === "unknown") out.push({ resource: b, cannotJudge: true, message: `Bucket ${label(b)}: ${label(grantor)} grants public ${kind} access through ${what(via)}; whether Block Public Access restricts it is unknown until the update.` });
    }
  };
  /** A policy or ACL the preview cannot read, on a bucket Block Public Access does not restrict: it may be public. */
  const undecided = (grantor: ResourceView, targets: ResourceView[] | undefined, via: "acl" | "policy") => {
    for (const b of targets ?? []) {
      if (publicAccessBlock(b, resources, settingsFor(via)) !== "covered") {
        const unrestricted = via === "acl" ? "ignore public ACLs" : "restrict public policies";
        out.push({ resource: b, cannotJudge: true, message: `Bucket ${label(b)}: the ${via === "acl" ? "ACL" : "policy"} of ${label(grantor)} is unknown until the update, and Block Public Access does not ${unrestricted}.` });
      }
    }
  };
  const judgeAcl = (grantor: ResourceView, targets: ResourceView[] | undefined, grants: boolean | "unknown") => {
    if (grants === true) report(grantor, targets, "acl");
    else if (grants === "unknown") undecided(grantor, targets, "acl");
  };
  for (const b of buckets) {
    judgeAcl(b, [b], inlineGrantsPublic(b.props.grants, kind) || publicAcl(programValue(b, "acl"), undefined, kind));
    if ((statementsOf(b.props.policy) ?? []).some((s) => publicGrant(s, kind))) report(b, [b], "policy");
  }
  for (const r of ofType(resources, T.bucketAcl)) {
    judgeAcl(r, bucketsNamedBy(r, buckets), publicAcl(programValue(r, "acl"), programValue(r, "accessControlPolicy"), kind));
  }
  for (const r of ofType(resources, T.bucketPolicy)) {
    const statements = statementsOf(r.props.policy);
    if (statements === undefined) undecided(r, bucketsNamedBy(r, buckets), "policy");
    else if (statements.some((s) => publicGrant(s, kind))) report(r, bucketsNamedBy(r, buckets), "policy");
  }
  return out;
}
