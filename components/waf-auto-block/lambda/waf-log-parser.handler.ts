import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Readable } from "node:stream";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { parseS3Notification } from "../../shared/events/s3-notification";
import { ConfigurationError, integer, list, number, requiredString } from "../../shared/runtime/env";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { CidrSet } from "../../shared/net/cidr";
import { DEFAULT_COUNTER_OPTIONS } from "./access-log";
import { sendBlockRequests } from "./block-queue";
import { processLogObject } from "./log-parser";
import { DEFAULT_THRESHOLDS, DynamoCounterStore } from "./log-window";

// ALB, CloudFront and AWS WAF logs in S3 → per-address windows in DynamoDB → block requests.
const queueUrl = requiredString("KAMAE_BLOCK_QUEUE_URL");
const codes = (name: string, fallback: ReadonlySet<number>) => {
  const raw = list(name);
  if (raw.length === 0) return fallback;
  if (!raw.every((c) => /^[1-5]\d\d$/.test(c))) throw new ConfigurationError(`${name} must list HTTP status codes`);
  return new Set(raw.map(Number));
};
const counter = {
  albErrorCodes: codes("KAMAE_ALB_ERROR_CODES", DEFAULT_COUNTER_OPTIONS.albErrorCodes),
  cloudFrontErrorCodes: codes("KAMAE_CLOUDFRONT_ERROR_CODES", DEFAULT_COUNTER_OPTIONS.cloudFrontErrorCodes),
  maxAddresses: DEFAULT_COUNTER_OPTIONS.maxAddresses,
};
const thresholds = {
  errorsPerMinute: integer("KAMAE_ERRORS_PER_MINUTE", DEFAULT_THRESHOLDS.errorsPerMinute, { min: 1 }),
  requestsPer5Minutes: integer("KAMAE_REQUESTS_PER_5_MINUTES", DEFAULT_THRESHOLDS.requestsPer5Minutes, { min: 1 }),
  mergeFloor: number("KAMAE_MERGE_FLOOR", DEFAULT_THRESHOLDS.mergeFloor),
  maxUpdatesPerFile: integer("KAMAE_MAX_COUNTER_UPDATES", DEFAULT_THRESHOLDS.maxUpdatesPerFile, { min: 1 }),
};
if (thresholds.mergeFloor < 0 || thresholds.mergeFloor > 1) throw new ConfigurationError("KAMAE_MERGE_FLOOR must be between 0 and 1");
const target = { accountId: requiredString("KAMAE_HOME_ACCOUNT_ID"), region: requiredString("AWS_REGION") };
const clients = new AccountClients(accountAccessFromEnv());
const counters = new DynamoCounterStore(DynamoDBDocumentClient.from(clients.client(DynamoDBClient, target)), requiredString("KAMAE_COUNTER_TABLE"));
const sqs = clients.client(SQSClient, target);
let trustedProxies: CidrSet;
try {
  trustedProxies = new CidrSet(list("KAMAE_TRUSTED_PROXIES"));
} catch (err) {
  throw new ConfigurationError(`KAMAE_TRUSTED_PROXIES: ${(err as Error).message}`);
}

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
