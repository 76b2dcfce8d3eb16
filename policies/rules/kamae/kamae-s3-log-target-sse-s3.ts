// kamae-s3-log-target-sse-s3: buckets receiving S3 server access logs or ELB access logs use SSE-S3 (AES256).
// Those deliveries support only SSE-S3 on the target: with SSE-KMS default encryption the logs silently never arrive.
import { asArray, identifiersOf, label, ofType, T } from "../../helpers";
import { isUnknown, ResourceView, stackRule, StackViolation } from "../../model";
import { bucketNameOf, encryptionRules } from "../../s3";

const KMS = ["aws:kms", "aws:kms:dsse"];
const CLASSIC_ELB = "aws:elb/loadBalancer:LoadBalancer";

/**
 * One log delivery into a bucket: who sends it, the reference it names, the top-level property holding it, and
 * whether the delivery is on (`unknown` when a preview leaves that open).
 */
interface Delivery {
  readonly source: ResourceView;
  readonly what: string;
  readonly ref: unknown;
  readonly prop: string;
  readonly on: true | "unknown";
}

function deliveries(resources: readonly ResourceView[]): Delivery[] {
  const out: Delivery[] = [];
  for (const r of resources) {
    if (T.bucketLogging.includes(r.type as any)) out.push({ source: r, what: "S3 server access logs", ref: r.props.targetBucket, prop: "targetBucket", on: true });
    if (T.bucket.includes(r.type as any)) {
      for (const prop of ["logging", "loggings"]) {
        for (const l of asArray(r.props[prop])) out.push({ source: r, what: "S3 server access logs", ref: l?.targetBucket, prop, on: true });
      }
    }
    // ALB/NLB access logs are off unless `enabled` is true; a Classic ELB's are on unless it is false.
    const logs = r.props.accessLogs;
    const classic = r.type === CLASSIC_ELB;
    if (!logs || !(classic || T.loadBalancer.includes(r.type as any))) continue;
    const on = isUnknown(logs) || isUnknown(logs.enabled) ? "unknown" : classic ? logs.enabled !== false : logs.enabled === true;
    if (on !== false) out.push({ source: r, what: "load balancer access logs", ref: isUnknown(logs) ? logs : logs.bucket, prop: "accessLogs", on });
  }
  return out;
}

/**
 * Whether the delivery names this bucket: by name or ARN when known, by the engine's dependencies of that one property
 * when not (a resource's general dependencies would also name a BucketLogging's source bucket); `unknown` when a
 * preview leaves the reference open and the engine gives no dependency for it.
 */
function names(d: Delivery, bucket: ResourceView): boolean | "unknown" {
  if (typeof d.ref === "string") return identifiersOf(bucket).has(bucketNameOf(d.ref)) || identifiersOf(bucket).has(d.ref);
  if (!isUnknown(d.ref) && !isUnknown(d.source.props[d.prop])) return false;
  const deps = d.source.propertyDependencies?.[d.prop] ?? [];
  return deps.length === 0 ? "unknown" : deps.includes(bucket.urn);
}

export default stackRule("kamae-s3-log-target-sse-s3", (resources) => {
  const all = deliveries(resources);
  const out: StackViolation[] = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const named = all.map((d) => ({ d, n: names(d, bucket) }));
    const into = named.filter(({ d, n }) => n === true && d.on === true).map(({ d }) => d);
    const maybe = named.filter(({ d, n }) => n !== false && !(n === true && d.on === true)).map(({ d }) => d);
    if (into.length === 0 && maybe.length === 0) continue;
    // Only a known KMS default is a violation; no configuration at all means S3's default, SSE-S3.
    const encryption = encryptionRules(bucket, resources);
    const defaults = encryption.rules.map((r) => r?.applyServerSideEncryptionByDefault);
    const kms = defaults.map((d) => d?.sseAlgorithm).filter((a): a is string => typeof a === "string" && KMS.includes(a));
    const algorithmUnknown = encryption.unknown || encryption.rules.some((r) => isUnknown(r)) || defaults.some((d) => isUnknown(d) || isUnknown(d?.sseAlgorithm));
    if (kms.length === 0 && !algorithmUnknown) continue;
    const sources = (ds: Delivery[]) => ds.map((d) => `${d.what} from ${label(d.source)}`).join(", ");
    if (kms.length > 0 && into.length > 0) {
      out.push({
        resource: bucket,
        message: `Bucket ${label(bucket)} receives ${sources(into)} but its default encryption is ${kms.join(", ")}: those logs are delivered only to SSE-S3 (AES256) buckets, so none arrive.`,
      });
    } else {
      const what = kms.length > 0 ? `whether it receives ${sources(maybe)}` : `its default encryption, while it ${into.length > 0 ? "receives" : "may receive"} ${sources([...into, ...maybe])},`;
      out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: ${what} is unknown until the update.` });
    }
  }
  return out;
});
