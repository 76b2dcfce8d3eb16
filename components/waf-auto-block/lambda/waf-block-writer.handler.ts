import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { WAFV2Client } from "@aws-sdk/client-wafv2";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { SQSEvent } from "aws-lambda";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import { DynamoBlockStore } from "./block-store";
import { processMessages } from "./block-writer";
import { IpSetWriter } from "./ip-set-writer";
import { writerConfig } from "./settings";
import { snsSubject } from "../../shared/aws/sns-subject";

// The single writer (reserved concurrency 1) of the block queue: records requests, then rewrites the IP sets.
const config = writerConfig();
const clients = new AccountClients(accountAccessFromEnv());
const target = { accountId: requiredString(AccountAccessEnv.homeAccountId), region: config.wafRegion };
const tableTarget = { accountId: target.accountId, region: requiredString("AWS_REGION") };
const metrics = new Metrics({ namespace: "Kamae/WafAutoBlock" });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
// Module scope: the write spacing is remembered across invocations of this execution environment.
const writer = new IpSetWriter(clients.client(WAFV2Client, target), { now: Date.now, sleep, random: Math.random, minWriteIntervalMs: config.minWriteIntervalMs, maxAttempts: 8 });
const notified = { v4: 0, v6: 0 };
const store = new DynamoBlockStore(DynamoDBDocumentClient.from(clients.client(DynamoDBClient, tableTarget), { marshallOptions: { removeUndefinedValues: true } }), config.tableName);

export const handler = lambdaHandler(async (event: SQSEvent) => {
  const report = await processMessages(
    (event.Records ?? []).map((r) => ({ messageId: r.messageId, body: r.body, senderId: r.attributes?.SenderId })),
    {
      store,
      writer,
      sets: config.sets,
      capacity: config.capacity,
      policy: config.policy,
      defaults: config.defaults,
      now: Date.now,
      target,
      notified,
      breaker: config.breaker,
      privilegedSenders: config.privilegedSenders,
      metric: (name, value) => metrics.addMetric(name, MetricUnit.Count, value),
      notify: async (subject, message) => {
        if (!config.notifyTopicArn) return logger.warn("no notification topic configured", { subject, message });
        await clients.client(SNSClient, tableTarget).send(new PublishCommand({ TopicArn: config.notifyTopicArn, Subject: snsSubject(subject), Message: message }));
      },
    },
  );
  metrics.publishStoredMetrics();
  for (const r of report.rejected) logger.warn("block request rejected", r);
  logger.info("block list written", {
    accountId: report.accountId,
    region: report.region,
    shards: report.shards,
    blocked: report.blocked,
    notPlaced: report.notPlaced,
    evicted: report.evicted.length,
    actions: report.actions.length,
    rejected: report.rejected.length,
    retried: report.failedMessageIds.length,
  });
  // Partial batch response: only the messages whose rows could not be written come back.
  return { batchItemFailures: report.failedMessageIds.map((itemIdentifier) => ({ itemIdentifier })) };
});
