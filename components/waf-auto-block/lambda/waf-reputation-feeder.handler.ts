import { SQSClient } from "@aws-sdk/client-sqs";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { field } from "../../shared/events/fields";
import { requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { sendBlockRequests } from "./block-queue";
import { collectReputation } from "./reputation-feeder";
import { reputationSettings } from "./settings";

// Scheduled: reputation lists (default Spamhaus DROP, EDROP, DROPv6) → block requests.
const { queueUrl, urls } = reputationSettings();
const clients = new AccountClients(accountAccessFromEnv());
const sqs = clients.client(SQSClient, { accountId: requiredString(AccountAccessEnv.homeAccountId), region: requiredString("AWS_REGION") });

export const handler = lambdaHandler(async (event: unknown) => {
  // The scheduled event's id: a retried invocation of the same tick replays the same request ids.
  const id = field(event, "id");
  const runId = typeof id === "string" && /^[\w-]{1,64}$/.test(id) ? id : new Date().toISOString().slice(0, 13);
  const run = await collectReputation(urls, runId, fetch);
  const sent = await sendBlockRequests(sqs, queueUrl, run.requests);
  logger.info("reputation lists read", { lists: run.lists, sent });
  const failed = run.lists.filter((l) => l.error);
  // A failed list makes the invocation fail (alarm), after the good lists were sent.
  if (failed.length > 0) throw new Error(`reputation lists failed: ${failed.map((l) => `${l.url}: ${l.error}`).join("; ")}`);
  return { lists: run.lists.length, sent };
});
