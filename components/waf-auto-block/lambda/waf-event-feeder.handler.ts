import { SQSClient } from "@aws-sdk/client-sqs";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { boolean, integer, list, requiredString } from "../../shared/runtime/env";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { sendBlockRequests } from "./block-queue";
import { decideBlocks, DEFAULT_EVENT_FEEDER, type EventFeederConfig } from "./event-feeder";

// Deep Security (SNS) and GuardDuty (EventBridge) → block requests on the writer's queue.
const queueUrl = requiredString("KAMAE_BLOCK_QUEUE_URL");
const config: EventFeederConfig = {
  payloadMinSeverity: integer("KAMAE_DS_PAYLOAD_MIN_SEVERITY", DEFAULT_EVENT_FEEDER.payloadMinSeverity, { min: 0, max: 10 }),
  packetMinRepeat: integer("KAMAE_DS_PACKET_MIN_REPEAT", DEFAULT_EVENT_FEEDER.packetMinRepeat, { min: 1 }),
  guardDutyMinSeverity: integer("KAMAE_GUARDDUTY_MIN_SEVERITY", DEFAULT_EVENT_FEEDER.guardDutyMinSeverity, { min: 0, max: 10 }),
  guardDutyActions: list("KAMAE_GUARDDUTY_ACTIONS").length > 0 ? list("KAMAE_GUARDDUTY_ACTIONS") : DEFAULT_EVENT_FEEDER.guardDutyActions,
  maxAddressesPerEvent: integer("KAMAE_MAX_ADDRESSES_PER_EVENT", DEFAULT_EVENT_FEEDER.maxAddressesPerEvent, { min: 1, max: 2000 }),
  actOnSampleFindings: boolean("KAMAE_ACT_ON_SAMPLE_FINDINGS", DEFAULT_EVENT_FEEDER.actOnSampleFindings),
};
const clients = new AccountClients(accountAccessFromEnv());
const sqs = clients.client(SQSClient, { accountId: requiredString("KAMAE_HOME_ACCOUNT_ID"), region: requiredString("AWS_REGION") });

export const handler = lambdaHandler(async (event: unknown) => {
  const decision = decideBlocks(event, config);
  for (const reason of decision.rejected) logger.warn("event rejected", { reason });
  if (decision.skipped.length > 0) logger.info("events that call for no block", { skipped: decision.skipped.slice(0, 50) });
  const sent = await sendBlockRequests(sqs, queueUrl, decision.requests);
  logger.info("block requests sent", { sent, addresses: decision.requests.flatMap((r) => r.addresses).slice(0, 100) });
  return { sent, rejected: decision.rejected.length, skipped: decision.skipped.length };
});
