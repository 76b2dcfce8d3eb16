import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { ReportedEvents } from "../../components/shared/aws/reported-events";
import { type BreakerLimits, WindowBreaker } from "../../components/shared/aws/window-breaker";
import { awsError } from "./aws";

/**
 * A responder's table of answered events (components/shared/aws/reported-events.ts) and its breakers
 * (shared/aws/window-breaker.ts) as DynamoDB keeps them: consistent reads, puts under the two conditions Kamae writes
 * (`attribute_not_exists(pk)`, `#version = :version`). `call` sees each call first ("dynamodb:GetItem",
 * "dynamodb:PutItem"), so a fake can count and fail it.
 */
export function fakeReportedEvents(now: () => number, call: (name: string) => void) {
  const answered = new Map<string, Record<string, any>>();
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } }));
  const stub = mockClient(doc);
  stub.on(GetCommand).callsFake(async (input) => {
    call("dynamodb:GetItem");
    const item = answered.get(String(input.Key!.pk));
    return item ? { Item: structuredClone(item) } : {};
  });
  stub.on(PutCommand).callsFake(async (input) => {
    call("dynamodb:PutItem");
    const pk = String(input.Item!.pk);
    const existing = answered.get(pk);
    const holds =
      input.ConditionExpression === undefined ||
      (input.ConditionExpression === "attribute_not_exists(pk)" && existing === undefined) ||
      (input.ConditionExpression === "#version = :version" && existing?.[input.ExpressionAttributeNames!["#version"]] === input.ExpressionAttributeValues![":version"]);
    if (!holds) throw awsError("ConditionalCheckFailedException", "The conditional request failed");
    answered.set(pk, structuredClone(input.Item!));
    return {};
  });
  /** The record in a table of this name (the component's, in a least-privilege test). */
  const reportedIn = (tableName: string) => new ReportedEvents(doc, tableName, now);
  /** A breaker in a table of this name (the default table unless given). */
  const breakerIn = (key: string, limits: BreakerLimits, tableName = "kamae-answered") => new WindowBreaker(doc, tableName, key, limits, now);
  return { answered, stub, reportedIn, reported: reportedIn("kamae-answered"), breakerIn };
}
