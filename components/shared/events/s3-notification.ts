import type { Rejection } from "./deep-security";
import { parseEventBridgeEnvelope } from "./eventbridge";
import { FieldReader, REGION, decodeS3EventKey, describe, field, isObject, isValidBucketName, isValidObjectKey, parseJsonText, path } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

export interface S3ObjectEvent {
  bucket: string;
  /** URL-decoded ('+' is a space). */
  key: string;
  versionId?: string;
  size?: number;
  eTag?: string;
  /** e.g. "ObjectCreated:Put" (notifications) or "Object Created" (EventBridge). */
  eventName: string;
  region?: string;
  sequencer?: string;
}

type Collected = { records: S3ObjectEvent[]; rejected: Rejection[] };

/**
 * Reads S3 object events however they arrive: an S3 event notification invoking Lambda directly, inside an SNS
 * message or an SQS body (also SNS→SQS without raw delivery), or as an EventBridge "Object Created"/"Object Deleted"
 * event from aws.s3. The s3:TestEvent yields no records. Each record is judged on its own.
 */
export function parseS3Notification(event: unknown): ParseResult<Collected> {
  return guarded("S3 notification", () => {
    const out: Collected = { records: [], rejected: [] };
    if (field(event, "source") === "aws.s3" && field(event, "detail-type") !== undefined) {
      const r = parseEventBridgeObjectEvent(event);
      if (r.ok) out.records.push(r.value);
      else out.rejected.push({ index: 0, reason: r.reason });
      return ok(out);
    }
    if (isTestEvent(event)) return ok(out);
    const records = field(event, "Records");
    if (!Array.isArray(records)) return fail(`not an S3, SNS or SQS event: Records is ${describe(records)}`);
    records.forEach((record, index) => collect(record, index, out, 0));
    return ok(out);
  });
}

function isTestEvent(value: unknown): boolean {
  return field(value, "Event") === "s3:TestEvent";
}

/** One Records[] entry: an S3 record, or an SNS/SQS wrapper whose body is an S3 event (wrapped at most twice). */
function collect(record: unknown, index: number, out: Collected, depth: number): void {
  if (!isObject(record)) {
    out.rejected.push({ index, reason: `record is not an object (${describe(record)})` });
    return;
  }
  if (isObject(field(record, "s3"))) {
    const r = parseS3Record(record);
    if (r.ok) out.records.push(r.value);
    else out.rejected.push({ index, reason: r.reason });
    return;
  }
  const body = path(record, "Sns", "Message") ?? field(record, "body") ?? (field(record, "Type") === "Notification" ? field(record, "Message") : undefined);
  if (typeof body !== "string") {
    out.rejected.push({ index, reason: "record is neither an S3 record nor an SNS/SQS message" });
    return;
  }
  if (depth >= 2) {
    out.rejected.push({ index, reason: "message nested too deeply" });
    return;
  }
  const parsed = parseJsonText(body);
  if ("error" in parsed) {
    out.rejected.push({ index, reason: parsed.error });
    return;
  }
  const inner = parsed.value;
  if (isTestEvent(inner)) return;
  if (field(inner, "Type") === "Notification") {
    collect(inner, index, out, depth + 1);
    return;
  }
  if (field(inner, "source") === "aws.s3") {
    const r = parseEventBridgeObjectEvent(inner);
    if (r.ok) out.records.push(r.value);
    else out.rejected.push({ index, reason: r.reason });
    return;
  }
  const innerRecords = field(inner, "Records");
  if (!Array.isArray(innerRecords)) {
    out.rejected.push({ index, reason: "message body is not an S3 event" });
    return;
  }
  for (const r of innerRecords) {
    if (isObject(r) && isObject(field(r, "s3"))) {
      const parsedRecord = parseS3Record(r);
      if (parsedRecord.ok) out.records.push(parsedRecord.value);
      else out.rejected.push({ index, reason: parsedRecord.reason });
    } else out.rejected.push({ index, reason: "message body record is not an S3 record" });
  }
}

function parseS3Record(record: Record<string, unknown>): ParseResult<S3ObjectEvent> {
  const r = new FieldReader(record);
  const eventName = r.requiredText("eventName");
  const region = r.matching("awsRegion", REGION, "an AWS Region");
  const bucket = path(record, "s3", "bucket", "name");
  const object = path(record, "s3", "object");
  const o = new FieldReader(object, "s3.object");
  const rawKey = field(object, "key");
  const key = typeof rawKey === "string" ? decodeS3EventKey(rawKey) : undefined;
  const size = o.number("size", { min: 0, max: 5 * 1024 ** 4, integer: true });
  const errors = [...r.errors, ...o.errors];
  if (!isValidBucketName(bucket)) errors.push(`s3.bucket.name is not a bucket name: ${describe(bucket)}`);
  if (typeof rawKey !== "string") errors.push("s3.object.key is missing");
  else if (key === undefined) errors.push("s3.object.key has malformed percent-encoding");
  else if (!isValidObjectKey(key)) errors.push("s3.object.key is empty or over 1024 bytes");
  if (errors.length > 0) return fail(errors.join("; "));
  const value: S3ObjectEvent = { bucket: bucket as string, key: key!, eventName: eventName! };
  if (region !== undefined) value.region = region;
  if (size !== undefined) value.size = size;
  for (const [from, to] of [["versionId", "versionId"], ["eTag", "eTag"], ["sequencer", "sequencer"]] as const) {
    const v = o.text(from);
    if (v !== undefined) value[to] = v;
  }
  return ok(value);
}

/** EventBridge object events carry the key as-is (not URL-encoded). */
function parseEventBridgeObjectEvent(event: unknown): ParseResult<S3ObjectEvent> {
  const envelope = parseEventBridgeEnvelope(event);
  if (!envelope.ok) return envelope;
  const { detail, detailType, region } = envelope.value;
  const bucket = path(detail, "bucket", "name");
  const object = path(detail, "object");
  const key = field(object, "key");
  const o = new FieldReader(object, "detail.object");
  const size = o.number("size", { min: 0, max: 5 * 1024 ** 4, integer: true });
  const errors = [...o.errors];
  if (!isValidBucketName(bucket)) errors.push(`detail.bucket.name is not a bucket name: ${describe(bucket)}`);
  if (!isValidObjectKey(key)) errors.push("detail.object.key is missing, empty or over 1024 bytes");
  if (errors.length > 0) return fail(errors.join("; "));
  const value: S3ObjectEvent = { bucket: bucket as string, key: key as string, eventName: detailType, region };
  if (size !== undefined) value.size = size;
  for (const [from, to] of [["version-id", "versionId"], ["etag", "eTag"], ["sequencer", "sequencer"]] as const) {
    const v = o.text(from);
    if (v !== undefined) value[to] = v;
  }
  return ok(value);
}
