import { readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "../../../components/shared/events/fixtures");

/** A fresh copy of a fixture (tests mutate them). */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), "utf8")) as T;
}

export function fixtureText(name: string): string {
  return readFileSync(join(DIR, name), "utf8");
}

/** An SNS→Lambda event carrying the message, as SNS delivers it. */
export function snsEvent(message: string, topic = "arn:aws:sns:us-east-1:111122223333:events"): unknown {
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: `${topic}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
        Sns: { Type: "Notification", MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e", TopicArn: topic, Subject: null, Message: message, Timestamp: "2026-11-22T23:07:01.123Z" },
      },
    ],
  };
}
