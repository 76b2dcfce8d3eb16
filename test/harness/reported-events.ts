import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { ReportedEvents } from "../../components/shared/aws/reported-events";

/**
 * A responder's table of answered events (components/shared/aws/reported-events.ts) as DynamoDB keeps it: consistent
 * reads, plain puts. `call` sees each call first ("dynamodb:GetItem", "dynamodb:PutItem"), so a fake can count and fail it.
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
    answered.set(String(input.Item!.pk), structuredClone(input.Item!));
    return {};
  });
  /** The record in a table of this name (the component's, in a least-privilege test). */
  const reportedIn = (tableName: string) => new ReportedEvents(doc, tableName, now);
  return { answered, stub, reportedIn, reported: reportedIn("kamae-answered") };
}
