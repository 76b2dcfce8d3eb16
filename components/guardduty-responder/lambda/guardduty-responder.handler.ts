import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import { WindowBreaker } from "../../shared/aws/window-breaker";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { BUCKET_BREAKER_KEY, respondToFinding } from "./responder";
import { settingsFromEnv } from "./settings";

// Routes, modes and the settings each routed action needs are checked once at cold start.
const settings = settingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());
// The table lives in the function's own account and Region.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const reported = new ReportedEvents(doc, settings.tableName);
const bucketChanges = new WindowBreaker(doc, settings.tableName, BUCKET_BREAKER_KEY, settings.bucketBreaker);

export const handler = lambdaHandler(async (event: unknown) => respondToFinding(event, { settings, clients, reported, bucketChanges, log: logger }));
