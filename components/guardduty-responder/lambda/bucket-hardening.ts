/**
 * What protecting a bucket means, decided from its current state (pure): Block Public Access fully on, default
 * encryption with KMS, and a bucket policy that denies requests without TLS, merged into the existing policy
 * (never replacing it). An empty plan means the bucket is already protected: replays change nothing.
 */

export interface PublicAccessBlock {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

export interface BucketState {
  readonly bucket: string;
  /** Undefined when the bucket has no Block Public Access configuration. */
  readonly publicAccessBlock?: PublicAccessBlock;
  /** Default encryption algorithm ("AES256", "aws:kms", "aws:kms:dsse"), undefined when none is configured. */
  readonly encryption?: string;
  /** The bucket policy JSON, undefined when the bucket has none. */
  readonly policy?: string;
}

export type BucketChange =
  | { readonly kind: "publicAccessBlock"; readonly reason: string }
  | { readonly kind: "encryption"; readonly kmsKeyId?: string; readonly reason: string }
  | { readonly kind: "policy"; readonly policy: string; readonly reason: string };

export interface HardeningOptions {
  readonly publicAccessBlock: boolean;
  readonly kmsEncryption: boolean;
  readonly denyInsecureTransport: boolean;
  /** Key for default encryption; the account's aws/s3 key when omitted. */
  readonly kmsKeyId?: string;
  readonly partition?: string;
}

export const DENY_INSECURE_SID = "KamaeDenyInsecureTransport";
/** S3 refuses bucket policies over 20 KB. */
const POLICY_LIMIT = 20 * 1024;

export class BucketPolicyError extends Error {
  override name = "BucketPolicyError";
}

function fullyBlocked(b: PublicAccessBlock | undefined): boolean {
  return !!b && b.BlockPublicAcls === true && b.IgnorePublicAcls === true && b.BlockPublicPolicy === true && b.RestrictPublicBuckets === true;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** True when a statement already denies every S3 action on the bucket without TLS. */
function deniesInsecureTransport(statement: unknown): boolean {
  if (typeof statement !== "object" || statement === null) return false;
  const s = statement as Record<string, unknown>;
  if (s.Effect !== "Deny") return false;
  const principal = s.Principal;
  const everyone = principal === "*" || (typeof principal === "object" && principal !== null && asList((principal as Record<string, unknown>).AWS).includes("*"));
  if (!everyone) return false;
  if (!asList(s.Action).some((a) => a === "s3:*" || a === "*")) return false;
  const cond = (s.Condition as Record<string, Record<string, unknown>> | undefined)?.Bool?.["aws:SecureTransport"];
  return asList(cond).some((v) => v === false || v === "false");
}

/** The existing policy with a deny-non-TLS statement added, or undefined when it already has one. Throws on a policy it cannot merge. */
export function mergeDenyInsecureTransport(bucket: string, policy: string | undefined, partition = "aws"): string | undefined {
  let doc: Record<string, unknown>;
  if (policy === undefined) doc = { Version: "2012-10-17", Statement: [] };
  else {
    try {
      doc = JSON.parse(policy);
    } catch {
      throw new BucketPolicyError(`the policy of bucket ${bucket} is not JSON: left unchanged`);
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new BucketPolicyError(`the policy of bucket ${bucket} is not a JSON object: left unchanged`);
  }
  const statements = asList(doc.Statement);
  if (statements.some(deniesInsecureTransport)) return undefined;
  const sids = new Set(statements.map((s) => (s as Record<string, unknown>)?.Sid));
  let sid = DENY_INSECURE_SID;
  for (let n = 2; sids.has(sid); n++) sid = `${DENY_INSECURE_SID}${n}`;
  const arn = `arn:${partition}:s3:::${bucket}`;
  const merged = JSON.stringify({
    ...doc,
    Version: doc.Version ?? "2012-10-17",
    Statement: [
      ...statements,
      { Sid: sid, Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
  });
  if (Buffer.byteLength(merged) > POLICY_LIMIT) throw new BucketPolicyError(`the policy of bucket ${bucket} would exceed 20 KB with the deny-non-TLS statement: left unchanged`);
  return merged;
}

export function planBucketHardening(state: BucketState, options: HardeningOptions): BucketChange[] {
  const changes: BucketChange[] = [];
  if (options.publicAccessBlock && !fullyBlocked(state.publicAccessBlock)) {
    changes.push({ kind: "publicAccessBlock", reason: state.publicAccessBlock ? "Block Public Access is partly off" : "the bucket has no Block Public Access configuration" });
  }
  if (options.kmsEncryption && state.encryption !== "aws:kms" && state.encryption !== "aws:kms:dsse") {
    changes.push({ kind: "encryption", ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}), reason: `default encryption is ${state.encryption ?? "not configured"}, not KMS` });
  }
  if (options.denyInsecureTransport) {
    const merged = mergeDenyInsecureTransport(state.bucket, state.policy, options.partition);
    if (merged) changes.push({ kind: "policy", policy: merged, reason: "the bucket policy does not deny requests without TLS" });
  }
  return changes;
}
