// kamae-s3-log-target-sse-s3: buckets receiving S3 server access logs or ELB access logs use SSE-S3 (AES256).
// Those deliveries support only SSE-S3 on the target: with SSE-KMS default encryption the logs silently never arrive.
import { asArray, identifiersOf, label, ofType, T } from "../../helpers";
import { isUnknown, ResourceView, stackRule, StackViolation } from "../../model";
import { encryptionRules } from "../../s3";

const KMS = ["aws:kms", "aws:kms:dsse"];
const CLASSIC_ELB = "aws:elb/loadBalancer:LoadBalancer";

/** One log delivery into a bucket: who sends it, the reference it names, and the top-level property holding it. */
interface Delivery {
  readonly source: ResourceView;
  readonly what: string;
  readonly ref: unknown;
  readonly prop: string;
}

function deliveries(resources: readonly ResourceView[]): Delivery[] {
  const out: Delivery[] = [];
  for (const r of resources) {
    if (T.bucketLogging.includes(r.type as any)) out.push({ source: r, what: "S3 server access logs", ref: r.props.targetBucket, prop: "targetBucket" });
    if (T.bucket.includes(r.type as any)) {
      for (const prop of ["logging", "loggings"]) {
        for (const l of asArray(r.props[prop])) out.push({ source: r, what: "S3 server access logs", ref: l?.targetBucket, prop });
      }
    }
    // ALB/NLB access logs are off unless `enabled` is true; a Classic ELB's are on unless it is false.
    const logs = r.props.accessLogs;
    if (!logs || isUnknown(logs)) continue;
    if (T.loadBalancer.includes(r.type as any) && logs.enabled === true) out.push({ source: r, what: "load balancer access logs", ref: logs.bucket, prop: "accessLogs" });
    if (r.type === CLASSIC_ELB && logs.enabled !== false && !isUnknown(logs.enabled)) out.push({ source: r, what: "load balancer access logs", ref: logs.bucket, prop: "accessLogs" });
  }
  return out;
}

/**
 * Whether the delivery names this bucket: by name or ARN when known, by the engine's dependencies of that one property
 * when not (a resource's general dependencies would also name a BucketLogging's source bucket). Otherwise no verdict.
 */
function names(d: Delivery, bucket: ResourceView): boolean {
  if (typeof d.ref === "string" && d.ref !== "") {
    const name = d.ref.replace(/^arn:aws[a-z-]*:s3:::/, "").replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/, "").split("/")[0];
    return identifiersOf(bucket).has(name) || identifiersOf(bucket).has(d.ref);
  }
  if (isUnknown(d.ref) || isUnknown(d.source.props[d.prop])) return (d.source.propertyDependencies?.[d.prop] ?? []).includes(bucket.urn);
  return false;
}

export default stackRule("kamae-s3-log-target-sse-s3", (resources) => {
  const all = deliveries(resources);
  const out: StackViolation[] = [];
  if (all.length === 0) return out;
  for (const bucket of ofType(resources, T.bucket)) {
    const into = all.filter((d) => names(d, bucket));
    if (into.length === 0) continue;
    // Only a known KMS default is a violation; no configuration at all means S3's default, SSE-S3.
    const kms = encryptionRules(bucket, resources)
      .rules.map((r) => r?.applyServerSideEncryptionByDefault?.sseAlgorithm)
      .filter((a): a is string => typeof a === "string" && KMS.includes(a));
    if (kms.length === 0) continue;
    const sources = into.map((d) => `${d.what} from ${label(d.source)}`).join(", ");
    out.push({
      resource: bucket,
      message: `Bucket ${label(bucket)} receives ${sources} but its default encryption is ${kms.join(", ")}: those logs are delivered only to SSE-S3 (AES256) buckets, so none arrive.`,
    });
  }
  return out;
});
