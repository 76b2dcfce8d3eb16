import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { respondToFinding, settingsFromEnv } from "./responder";

// Routes, modes and the settings each routed action needs are checked once at cold start.
const settings = settingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());

export const handler = lambdaHandler(async (event: unknown) => respondToFinding(event, { settings, clients, log: logger }));
