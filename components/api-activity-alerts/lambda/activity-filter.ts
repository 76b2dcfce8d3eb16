import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Readable } from "node:stream";
import type { AccountClients } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import { parseS3Notification } from "../../shared/events/s3-notification";
import { cloudTrailLogFile, filterLogFile, type FileReport } from "./filter";
import { MessageBatcher } from "./messages";
import type { FilterSettings } from "./settings";

export interface FilterDeps {
  readonly settings: FilterSettings;
  readonly clients: AccountClients;
  /** Region the function runs in (its topic's Region). */
  readonly region: string;
  readonly log: Pick<Logger, "info" | "warn" | "error">;
  /** Log files already answered: a redelivery or a redrive of one of them sends nothing again. */
  readonly reported: ReportedEvents;
}

export interface FilterOutcome {
  readonly files: FileReport[];
  /** Objects of the event that are not CloudTrail log files (digests, insights, other data). */
  readonly skipped: string[];
  /** Log files already answered by an earlier delivery: not read, nothing sent. */
  readonly replays: string[];
  /** Records of the event itself that could not be read. */
  readonly rejectedEvents: string[];
}

/**
 * Handles one S3 event (notification or EventBridge "Object Created"): each new CloudTrail file is streamed through the
 * rules and the selected calls are published. A missing object is reported and skipped; any other AWS failure is
 * thrown after the other files were handled, so the event reaches the failure queue and nothing is lost. A file already
 * answered (S3 redelivers notifications, EventBridge retries, a failure queue is redriven) is not read again: its
 * alerts went out once. One that failed midway is read again whole, so some of its alerts may go out twice.
 */
export async function handleLogFileEvent(event: unknown, deps: FilterDeps): Promise<FilterOutcome> {
  const parsed = parseS3Notification(event);
  if (!parsed.ok) {
    deps.log.error("event rejected: not an S3 object event", { reason: parsed.reason });
    return { files: [], skipped: [], replays: [], rejectedEvents: [parsed.reason] };
  }
  const rejectedEvents = parsed.value.rejected.map((r) => `record ${r.index}: ${r.reason}`);
  for (const reason of rejectedEvents) deps.log.warn("event record rejected", { reason });
  const home = deps.clients.settings.homeAccountId;
  const [, , , topicRegion, topicAccount] = deps.settings.topicArn.split(":");
  const sns = deps.clients.client(SNSClient, { accountId: topicAccount ?? "", region: topicRegion || deps.region });
  const files: FileReport[] = [];
  const skipped: string[] = [];
  const replays: string[] = [];
  const failures: Error[] = [];
  for (const object of parsed.value.records) {
    if (!object.eventName.startsWith("ObjectCreated") && object.eventName !== "Object Created") {
      skipped.push(object.key);
      continue;
    }
    const file = cloudTrailLogFile(object.bucket, object.key);
    if (!file) {
      skipped.push(object.key);
      continue;
    }
    // One object version: a file CloudTrail wrote once, whichever notification or retry brings it.
    const replayKey = ReportedEvents.key("cloudtrail", `${object.bucket}/${object.key}`, object.versionId ?? object.eTag);
    if (await deps.reported.isReplay(replayKey, deps.log, { bucket: object.bucket, key: object.key })) {
      replays.push(object.key);
      continue;
    }
    try {
      // The trail's bucket belongs to the home account; the key names the account whose calls the file holds.
      const s3 = deps.clients.client(S3Client, { accountId: home ?? file.accountId ?? "", region: object.region ?? deps.region });
      const got = await s3.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key, ...(object.versionId ? { VersionId: object.versionId } : {}) }));
      const batcher = new MessageBatcher(
        file,
        async (m) => {
          await sns.send(new PublishCommand({ TopicArn: deps.settings.topicArn, Subject: m.subject, Message: m.message }));
        },
        deps.settings.maxMessageBytes,
      );
      const report = await filterLogFile(got.Body as Readable, file, deps.settings.rules, batcher);
      files.push(report);
      const summary = { bucket: file.bucket, key: file.key, accountId: file.accountId, region: file.region, records: report.records, selected: report.selected, rejected: report.rejectedCount };
      if (report.malformed) deps.log.error("CloudTrail file unreadable", { ...summary, reason: report.malformed });
      else if (report.rejectedCount > 0) deps.log.warn("CloudTrail records unreadable", { ...summary, first: report.rejected.slice(0, 10) });
      else deps.log.info("CloudTrail file filtered", summary);
      await deps.reported.remember(replayKey, `${report.selected} of ${report.records} records sent`, deps.log, { bucket: object.bucket, key: object.key });
    } catch (err) {
      if ((err as Error).name === "NoSuchKey") {
        deps.log.warn("CloudTrail file no longer exists", { bucket: object.bucket, key: object.key });
        skipped.push(object.key);
        continue;
      }
      deps.log.error("CloudTrail file not processed", { bucket: object.bucket, key: object.key, error: (err as Error).message });
      failures.push(err as Error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} CloudTrail file(s) could not be processed: ${failures.map((f) => f.message).join("; ")}`);
  return { files, skipped, replays, rejectedEvents };
}
