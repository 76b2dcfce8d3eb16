import { SQSClient } from "@aws-sdk/client-sqs";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { sendBlockRequests } from "./block-queue";
import { decideBlocks } from "./event-feeder";
import { eventFeederSettings } from "./settings";

// Deep Security (SNS) and GuardDuty (EventBridge) → block requests on the writer's queue.
const { queueUrl, ...config } = eventFeederSettings();
const clients = new AccountClients(accountAccessFromEnv());
const sqs = clients.client(SQSClient, { accountId: requiredString(AccountAccessEnv.homeAccountId), region: requiredString("AWS_REGION") });

export const handler = lambdaHandler(async (event: unknown) => {
  const decision = decideBlocks(event, config);
  for (const reason of decision.rejected) logger.warn("event rejected", { reason });
  if (decision.skipped.length > 0) logger.info("events that call for no block", { skipped: decision.skipped.slice(0, 50) });
  const sent = await sendBlockRequests(sqs, queueUrl, decision.requests);
  logger.info("block requests sent", { sent, addresses: decision.requests.flatMap((r) => r.addresses).slice(0, 100) });
  return { sent, rejected: decision.rejected.length, skipped: decision.skipped.length };
});
