import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { respond } from "./responder";
import { settingsFromEnv } from "./settings";

// Read and validated once at cold start, so a bad setting fails naming its variable before any event is handled.
const settings = settingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());
// Reports and the record of answered findings live in the function's own account and Region.
const sns = settings.topicArn ? new SNSClient({ region: process.env.AWS_REGION }) : undefined;
const reported = new ReportedEvents(DynamoDBDocumentClient.from(new DynamoDBClient({})), settings.tableName);

export const handler = lambdaHandler(async (event: unknown) => respond(event, { clients, settings, topicArn: settings.topicArn, sns, reported, log: logger }));
