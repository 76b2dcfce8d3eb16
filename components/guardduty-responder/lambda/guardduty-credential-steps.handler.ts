import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { requiredString } from "../../shared/runtime/env";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { runStep, stepSettingsFromEnv } from "./credential-steps";

const settings = stepSettingsFromEnv();
const access = accountAccessFromEnv();
const clients = new AccountClients(access);
// The report bucket lives in the home account, in the function's own Region.
const home = { accountId: access.homeAccountId ?? requiredString("KAMAE_HOME_ACCOUNT_ID"), region: requiredString("AWS_REGION") };

export const handler = lambdaHandler(async (event: unknown) => runStep(event, { settings, clients, log: logger, home }));
