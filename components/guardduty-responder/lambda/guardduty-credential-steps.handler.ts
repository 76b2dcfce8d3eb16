import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { runStep } from "./credential-steps";
import { stepSettingsFromEnv } from "./settings";

const settings = stepSettingsFromEnv();
const access = accountAccessFromEnv();
const clients = new AccountClients(access);
// The report bucket lives in the home account, in the function's own Region.
const home = { accountId: access.homeAccountId ?? requiredString(AccountAccessEnv.homeAccountId), region: requiredString("AWS_REGION") };

export const handler = lambdaHandler(async (event: unknown) => runStep(event, { settings, clients, log: logger, home }));
