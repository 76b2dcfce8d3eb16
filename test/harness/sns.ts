import type { PublishCommandInput } from "@aws-sdk/client-sns";
import { awsError } from "./aws";

/** Publish's message size limit, message attributes included (API reference: Publish, Message constraints). */
export const SNS_MESSAGE_LIMIT_BYTES = 262_144;

/**
 * Refuses a Publish as SNS does, with the errors SDK v3 raises (`InvalidParameterException`, `NotFoundException`).
 * Rules from the Amazon SNS API reference, Publish:
 * - TopicArn: the topic must exist (NotFound, HTTP 404).
 * - Message: required, non-empty, UTF-8, at most 262,144 bytes with its message attributes.
 * - Subject: "ASCII text that begins with a letter, number, or punctuation mark; must not include line breaks or control
 *   characters; and must be less than 100 characters long" (the reference's older, stricter wording; the current one
 *   says UTF-8, but SNS's own consumers, Amazon Managed Prometheus for one, strip non-ASCII subjects, so the fake keeps
 *   the strict form). SNS in fact accepts exactly 100 characters and refuses 101 (AWS Config sends 100-character
 *   subjects).
 */
export function refusePublish(input: Partial<PublishCommandInput>, topicExists: (arn: string) => boolean): void {
  if (!input.TopicArn || !topicExists(input.TopicArn)) throw awsError("NotFoundException", "Topic does not exist", { httpStatusCode: 404 });
  if (typeof input.Message !== "string" || input.Message.length === 0) throw awsError("InvalidParameterException", "Invalid parameter: Empty message");
  const attributes = Object.entries(input.MessageAttributes ?? {}).reduce(
    (n, [name, v]) => n + Buffer.byteLength(name) + Buffer.byteLength(v.DataType ?? "") + Buffer.byteLength(v.StringValue ?? "") + (v.BinaryValue?.byteLength ?? 0),
    0,
  );
  if (Buffer.byteLength(input.Message) + attributes > SNS_MESSAGE_LIMIT_BYTES) throw awsError("InvalidParameterException", "Invalid parameter: Message too long");
  const subject = input.Subject;
  if (subject !== undefined && (subject.length > 100 || !/^[\x21-\x7e][\x20-\x7e]*$/.test(subject))) {
    throw awsError("InvalidParameterException", "Invalid parameter: Subject");
  }
}
