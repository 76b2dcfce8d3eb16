import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Readable } from "node:stream";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { parseS3Notification } from "../../shared/events/s3-notification";
import { requiredString } from "../../shared/runtime/env";
import { AccountAccessEnv } from "../../shared/runtime/account-access";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { sendBlockRequests } from "./block-queue";
import { processLogObject } from "./log-parser";
import { DynamoCounterStore } from "./log-window";
import { logParserSettings } from "./settings";

// ALB, CloudFront and AWS WAF logs in S3 → per-address windows in DynamoDB → block requests.
const { queueUrl, counterTable, counter, thresholds, trustedProxies } = logParserSettings();
const target = { accountId: requiredString(AccountAccessEnv.homeAccountId), region: requiredString("AWS_REGION") };
const clients = new AccountClients(accountAccessFromEnv());
const counters = new DynamoCounterStore(DynamoDBDocumentClient.from(clients.client(DynamoDBClient, target)), counterTable);
const sqs = clients.client(SQSClient, target);

export const handler = lambdaHandler(async (event: unknown) => {
  const parsed = parseS3Notification(event);
  if (!parsed.ok) {
    logger.warn("event rejected", { reason: parsed.reason });
    return { processed: 0 };
  }
  for (const r of parsed.value.rejected) logger.warn("S3 record rejected", { index: r.index, reason: r.reason });
  const reports = [];
  for (const object of parsed.value.records.filter((r) => r.eventName.startsWith("ObjectCreated") || r.eventName === "Object Created")) {
    const report = await processLogObject(object, {
      getObject: async (o) => {
        // The log bucket is in this account; its Region is the one the notification names.
        const s3 = clients.client(S3Client, { accountId: target.accountId, region: o.region ?? target.region });
        const res = await s3.send(new GetObjectCommand({ Bucket: o.bucket, Key: o.key, VersionId: o.versionId }));
        if (!(res.Body instanceof Readable)) throw new Error(`s3://${o.bucket}/${o.key} returned no stream`);
        return res.Body;
      },
      counters,
      thresholds,
      counter,
      send: (requests) => sendBlockRequests(sqs, queueUrl, requests),
      target,
      trustedProxies,
    });
    logger.info("access log processed", { ...report, blocked: report.blocked.slice(0, 50) });
    if (report.overCap) logger.warn("counter write cap reached: the addresses farthest from a threshold were not merged", { object: report.object, overCap: report.overCap, capScore: report.capScore });
    reports.push(report);
  }
  return { processed: reports.length, blocked: reports.reduce((n, r) => n + r.blocked.length, 0) };
});
