import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { handleLogFileEvent } from "./activity-filter";
import { settingsFromEnv } from "./settings";

// Read and validated once at cold start: a bad rule fails here, naming the variable, before any file is read.
const settings = settingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());
const region = process.env.AWS_REGION ?? "us-east-1";
// The record of answered log files lives in the function's own account and Region.
const reported = new ReportedEvents(DynamoDBDocumentClient.from(new DynamoDBClient({})), settings.tableName);

export const handler = lambdaHandler(async (event: unknown) => handleLogFileEvent(event, { settings, clients, region, log: logger, reported }));
