import { SQSClient } from "@aws-sdk/client-sqs";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { CidrSet } from "../../shared/net/cidr";
import { ConfigurationError, list, requiredString } from "../../shared/runtime/env";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { sendBlockRequests } from "./block-queue";
import { decideHoneypot } from "./honeypot";

// A URL no human visits (linked invisibly, listed in robots.txt as disallowed): whoever calls it gets blocked.
let trusted: CidrSet;
try {
  trusted = new CidrSet(list("KAMAE_TRUSTED_PROXIES"));
} catch (err) {
  throw new ConfigurationError(`KAMAE_TRUSTED_PROXIES: ${(err as Error).message}`);
}
const queueUrl = requiredString("KAMAE_BLOCK_QUEUE_URL");
const clients = new AccountClients(accountAccessFromEnv());
const sqs = clients.client(SQSClient, { accountId: requiredString("KAMAE_HOME_ACCOUNT_ID"), region: requiredString("AWS_REGION") });

export const handler = lambdaHandler(async (event: unknown) => {
  const decision = decideHoneypot(event, trusted);
  if (decision.request) await sendBlockRequests(sqs, queueUrl, [decision.request]);
  logger.info("honeypot hit", { note: decision.note });
  // The same dull answer whatever happened: the caller learns nothing.
  return { statusCode: 404, headers: { "content-type": "text/plain" }, body: "Not Found" };
});
