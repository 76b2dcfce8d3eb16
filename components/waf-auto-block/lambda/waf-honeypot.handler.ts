import { SQSClient } from "@aws-sdk/client-sqs";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { sendBlockRequests } from "./block-queue";
import { decideHoneypot } from "./honeypot";
import { honeypotSettings } from "./settings";

// A URL no human visits (linked invisibly, listed in robots.txt as disallowed): whoever calls it gets blocked.
const { queueUrl, trustedProxies: trusted } = honeypotSettings();
const clients = new AccountClients(accountAccessFromEnv());
const sqs = clients.client(SQSClient, { accountId: requiredString(AccountAccessEnv.homeAccountId), region: requiredString("AWS_REGION") });

export const handler = lambdaHandler(async (event: unknown) => {
  const decision = decideHoneypot(event, trusted);
  if (decision.request) await sendBlockRequests(sqs, queueUrl, [decision.request]);
  logger.info("honeypot hit", { note: decision.note });
  // The same dull answer whatever happened: the caller learns nothing.
  return { statusCode: 404, headers: { "content-type": "text/plain" }, body: "Not Found" };
});
