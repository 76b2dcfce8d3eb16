import { FieldReader, field, isObject } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

/** One SNS notification as Lambda receives it (`Records[].Sns`). */
export interface SnsMessageRecord {
  topicArn: string;
  messageId: string;
  subject?: string;
  /** The message body, still a string (each producer's parser reads it). */
  message: string;
  timestamp?: string;
}

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/;

/** Reads the SNS→Lambda event. Any malformed record rejects the event (SNS delivers one record per invocation). */
export function parseSnsEvent(event: unknown): ParseResult<SnsMessageRecord[]> {
  return guarded("SNS event", () => {
    const records = field(event, "Records");
    if (!Array.isArray(records) || records.length === 0) return fail("not an SNS event: Records is missing or empty");
    const out: SnsMessageRecord[] = [];
    for (let i = 0; i < records.length; i++) {
      const sns = field(records[i], "Sns");
      if (!isObject(sns)) return fail(`Records[${i}].Sns is missing: not an SNS record`);
      const r = new FieldReader(sns, `Records[${i}].Sns`);
      const topicArn = r.matching("TopicArn", TOPIC_ARN, "an SNS topic ARN", true);
      const messageId = r.requiredText("MessageId");
      const message = field(sns, "Message");
      if (typeof message !== "string") r.error(`Records[${i}].Sns.Message is not a string`);
      if (r.errors.length > 0 || topicArn === undefined || messageId === undefined || typeof message !== "string") {
        return fail(r.errors.join("; "));
      }
      out.push({ topicArn, messageId, subject: r.text("Subject"), message, timestamp: r.timestamp("Timestamp") });
    }
    return ok(out);
  });
}
