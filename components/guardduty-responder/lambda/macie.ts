import { parseEventBridgeEventOf } from "../../shared/events/eventbridge";
import { ACCOUNT_ID, field, isObject, isValidBucketName, path, REGION } from "../../shared/events/fields";
import { fail, guarded, ok, type ParseResult } from "../../shared/events/result";

/** An Amazon Macie finding as the responder needs it: the bucket it is about and how severe it is. */
export interface MacieFinding {
  id: string;
  /** e.g. "SensitiveData:S3Object/Personal", "Policy:IAMUser/S3BucketPublic". */
  type: string;
  /** Macie's label: Low, Medium or High. */
  severityLabel: "Low" | "Medium" | "High";
  accountId: string;
  region: string;
  bucketName: string;
  objectKey?: string;
  title?: string;
  category?: string;
}

const TYPE = /^[A-Za-z0-9]+:[A-Za-z0-9]+\/[A-Za-z0-9._:/-]+$/;
const ID = /^[A-Za-z0-9_-]{1,300}$/;

/** Reads a "Macie Finding" EventBridge event (source aws.macie); never throws. */
export function parseMacieEvent(event: unknown): ParseResult<MacieFinding> {
  return guarded("Macie event", () => {
    const envelope = parseEventBridgeEventOf(event, "aws.macie", "Macie Finding");
    if (!envelope.ok) return envelope;
    const d = envelope.value.detail;
    if (!isObject(d)) return fail("Macie finding: detail is not an object");
    const id = field(d, "id");
    const type = field(d, "type");
    const accountId = field(d, "accountId");
    const region = field(d, "region");
    const label = path(d, "severity", "description");
    const bucketName = path(d, "resourcesAffected", "s3Bucket", "name");
    if (typeof id !== "string" || !ID.test(id)) return fail("Macie finding: id is missing or malformed");
    if (typeof type !== "string" || !TYPE.test(type)) return fail("Macie finding: type is missing or malformed");
    if (typeof accountId !== "string" || !ACCOUNT_ID.test(accountId)) return fail("Macie finding: accountId is not a 12-digit account id");
    if (typeof region !== "string" || !REGION.test(region)) return fail("Macie finding: region is not an AWS Region");
    if (label !== "Low" && label !== "Medium" && label !== "High") return fail("Macie finding: severity.description is not Low, Medium or High");
    if (!isValidBucketName(bucketName)) return fail("Macie finding: resourcesAffected.s3Bucket.name is not a bucket name");
    const key = path(d, "resourcesAffected", "s3Object", "key");
    const title = field(d, "title");
    const category = field(d, "category");
    return ok({
      id,
      type,
      severityLabel: label,
      accountId,
      region,
      bucketName,
      ...(typeof key === "string" ? { objectKey: key } : {}),
      ...(typeof title === "string" ? { title: title.slice(0, 500) } : {}),
      ...(typeof category === "string" ? { category } : {}),
    });
  });
}
