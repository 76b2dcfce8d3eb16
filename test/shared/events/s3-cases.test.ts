import { strict as assert } from "node:assert";
import { parseS3Notification } from "../../../components/shared/events/s3-notification";

// S3 object events in every documented delivery: an S3 event notification (S3 user guide, "Event message structure":
// Records[].s3.bucket.name, s3.object.key URL-encoded with '+' for a space, size, eTag, versionId, sequencer) invoking
// Lambda directly, inside an SNS message, an SQS body, or SNS→SQS without raw delivery; and EventBridge "Object Created"
// events from aws.s3 (detail.bucket.name, detail.object.key not encoded, size, etag, version-id, sequencer).
const s3Record = (object: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  eventVersion: "2.1",
  eventSource: "aws:s3",
  awsRegion: "eu-west-1",
  eventName: "ObjectCreated:Put",
  s3: { bucket: { name: "uploads-prod" }, object: { key: "in/a+b%2Bc.txt", size: 1024, eTag: "0123abc", versionId: "v1", sequencer: "0A1B2C", ...object } },
  ...extra,
});
const record = { bucket: "uploads-prod", key: "in/a b+c.txt", eventName: "ObjectCreated:Put", region: "eu-west-1", size: 1024, eTag: "0123abc", versionId: "v1", sequencer: "0A1B2C" };
const ebEvent = (detail: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  version: "0",
  id: "17793124-05d4-b198-2fde-7ededc63b103",
  "detail-type": "Object Created",
  source: "aws.s3",
  account: "111122223333",
  time: "2024-05-01T10:00:00Z",
  region: "us-east-2",
  resources: ["arn:aws:s3:::uploads-prod"],
  detail: { version: "0", bucket: { name: "uploads-prod" }, object: { key: "in/a+b c.txt", size: 5, etag: "e1", "version-id": "v2", sequencer: "00" }, reason: "PutObject", ...detail },
  ...extra,
});
const ebRecord = { bucket: "uploads-prod", key: "in/a+b c.txt", eventName: "Object Created", region: "us-east-2", size: 5, eTag: "e1", versionId: "v2", sequencer: "00" };
const sns = (message: unknown) => ({ EventSource: "aws:sns", Sns: { Type: "Notification", Message: typeof message === "string" ? message : JSON.stringify(message) } });
const sqs = (body: unknown) => ({ eventSource: "aws:sqs", body: typeof body === "string" ? body : JSON.stringify(body) });
const parse = (event: unknown) => {
  const r = parseS3Notification(event);
  if (!r.ok) assert.fail(r.reason);
  return r.value;
};

describe("S3 object events in every delivery, field by field", () => {
  it("a direct notification: every documented field, the key form-decoded", () => {
    assert.deepEqual(parse({ Records: [s3Record()] }), { records: [record], rejected: [] });
    const bare = parse({ Records: [s3Record({ size: undefined, eTag: undefined, versionId: undefined, sequencer: undefined }, { awsRegion: undefined })] });
    assert.deepEqual(bare.records, [{ bucket: "uploads-prod", key: "in/a b+c.txt", eventName: "ObjectCreated:Put" }]);
    assert.deepEqual(parse({ Records: [s3Record({ size: 0 })] }).records[0].size, 0);
    assert.equal(parse({ Records: [s3Record({ size: 5 * 1024 ** 4 })] }).records[0].size, 5 * 1024 ** 4, "5 TiB, the largest object");
  });

  it("a bad record is refused with every reason, and the others still read", () => {
    const r = parse({ Records: [s3Record({ size: 5 * 1024 ** 4 + 1 }), s3Record({ size: 1.5 }), s3Record({ key: undefined }), s3Record({ key: "%E0%A4%A" }), s3Record({ key: "" }), s3Record({}, { eventName: undefined, awsRegion: "mars" }), 7, s3Record()] });
    assert.deepEqual(r.records, [record]);
    assert.deepEqual(r.rejected, [
      { index: 0, reason: "s3.object.size is not an integer in [0, 5497558138880]: 5497558138881" },
      { index: 1, reason: "s3.object.size is not an integer in [0, 5497558138880]: 1.5" },
      { index: 2, reason: "s3.object.key is missing" },
      { index: 3, reason: "s3.object.key has malformed percent-encoding" },
      { index: 4, reason: "s3.object.key is empty or over 1024 bytes" },
      { index: 5, reason: "eventName is missing or not a string (undefined); awsRegion is not an AWS Region: \"mars\"" },
      { index: 6, reason: "record is not an object (7)" },
    ]);
    const badBucket = parse({ Records: [{ ...s3Record(), s3: { bucket: { name: "Bad_Bucket" }, object: { key: "k" } } }] });
    assert.deepEqual(badBucket.rejected, [{ index: 0, reason: 's3.bucket.name is not a bucket name: "Bad_Bucket"' }]);
  });

  it("inside SNS, SQS, and SNS→SQS without raw delivery; the test event yields nothing", () => {
    const inner = { Records: [s3Record()] };
    assert.deepEqual(parse({ Records: [sns(inner)] }), { records: [record], rejected: [] });
    assert.deepEqual(parse({ Records: [sqs(inner)] }), { records: [record], rejected: [] });
    assert.deepEqual(parse({ Records: [sqs({ Type: "Notification", Message: JSON.stringify(inner) })] }), { records: [record], rejected: [] });
    assert.deepEqual(parse({ Records: [sqs({ Service: "Amazon S3", Event: "s3:TestEvent", Bucket: "uploads-prod" })] }), { records: [], rejected: [] });
    assert.deepEqual(parse({ Service: "Amazon S3", Event: "s3:TestEvent", Bucket: "uploads-prod" }), { records: [], rejected: [] });
    assert.deepEqual(parse({ Records: [sqs(ebEvent())] }), { records: [ebRecord], rejected: [] });
    assert.deepEqual(parse({ Records: [{ Type: "Notification", Message: JSON.stringify(inner) }] }), { records: [record], rejected: [] });
    assert.deepEqual(parse({ Records: [{ Type: "Other", Message: JSON.stringify(inner) }] }).rejected, [{ index: 0, reason: "record is neither an S3 record nor an SNS/SQS message" }]);
  });

  it("refuses wrappers that hold no S3 event, each at its index", () => {
    const r = parse({
      Records: [
        sqs("{not json"),
        sqs({ hello: 1 }),
        sqs({ Records: [{ s3: "x" }, 5] }),
        sqs({ Records: [s3Record({ key: undefined })] }),
        sqs({ Type: "Notification", Message: JSON.stringify({ Type: "Notification", Message: JSON.stringify({ Records: [s3Record()] }) }) }),
        sqs(ebEvent({ bucket: { name: "x" } })),
        { body: 5 },
        sns({ Records: [s3Record()] }),
      ],
    });
    assert.deepEqual(r.records, [record]);
    assert.deepEqual(r.rejected, [
      { index: 0, reason: "message is not JSON (syntax error)" },
      { index: 1, reason: "message body is not an S3 event" },
      { index: 2, reason: "message body record is not an S3 record" },
      { index: 2, reason: "message body record is not an S3 record" },
      { index: 3, reason: "s3.object.key is missing" },
      { index: 4, reason: "message nested too deeply" },
      { index: 5, reason: 'detail.bucket.name is not a bucket name: "x"' },
      { index: 6, reason: "record is neither an S3 record nor an SNS/SQS message" },
    ]);
    // Wrapped twice (SNS inside an SQS body) is the deepest delivery there is.
    assert.deepEqual(parse({ Records: [sqs({ Type: "Notification", Message: JSON.stringify({ Records: [s3Record()] }) })] }).records, [record]);
    assert.equal(parseS3Notification({ Records: "x" }).ok, false);
    const none = parseS3Notification({ detail: {} });
    assert.deepEqual(none, { ok: false, reason: "not an S3, SNS or SQS event: Records is undefined" });
  });

  it("EventBridge object events: the key as given, the detail type as the event name", () => {
    assert.deepEqual(parse(ebEvent()), { records: [ebRecord], rejected: [] });
    assert.deepEqual(parse(ebEvent({ object: { key: "k" } })).records, [{ bucket: "uploads-prod", key: "k", eventName: "Object Created", region: "us-east-2" }]);
    assert.deepEqual(parse(ebEvent({ object: { key: "" }, bucket: { name: "B" } })).rejected, [{ index: 0, reason: 'detail.bucket.name is not a bucket name: "B"; detail.object.key is missing, empty or over 1024 bytes' }]);
    assert.deepEqual(parse(ebEvent({ object: { key: "k", size: -1 } })).rejected, [{ index: 0, reason: "detail.object.size is not an integer in [0, 5497558138880]: -1" }]);
    assert.deepEqual(parse(ebEvent({ object: { key: "k", size: 2.5 } })).rejected, [{ index: 0, reason: "detail.object.size is not an integer in [0, 5497558138880]: 2.5" }]);
    assert.equal(parse(ebEvent({}, { account: "x" })).rejected.length, 1, "a bad envelope is refused");
    // Without a detail type it is not an EventBridge event: read as a notification (and refused as one).
    assert.equal(parseS3Notification(ebEvent({}, { "detail-type": undefined })).ok, false);
    assert.deepEqual(parse({ ...ebEvent(), source: "aws.s3x", Records: [s3Record()] }).records, [record]);
  });
});
