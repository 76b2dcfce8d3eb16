import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { respondToFinding, settingsFromEnv } from "./responder";

// Routes, modes and the settings each routed action needs are checked once at cold start.
const settings = settingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());
// The table lives in the function's own account and Region.
const reported = new ReportedEvents(DynamoDBDocumentClient.from(new DynamoDBClient({})), settings.tableName);

export const handler = lambdaHandler(async (event: unknown) => respondToFinding(event, { settings, clients, reported, log: logger }));
