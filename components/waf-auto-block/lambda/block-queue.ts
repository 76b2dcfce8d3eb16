import { SendMessageBatchCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { BlockRequest } from "./block-request";

/**
 * Sends block requests to the writer's queue, ten to a SendMessageBatch call. Entries SQS refuses are retried; what
 * still fails throws, so the feeder's event goes to its failure queue instead of being lost.
 */
export async function sendBlockRequests(sqs: SQSClient, queueUrl: string, requests: readonly BlockRequest[], sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<number> {
  let sent = 0;
  for (let i = 0; i < requests.length; i += 10) {
    let entries = requests.slice(i, i + 10).map((r, k) => ({ Id: String(k), MessageBody: JSON.stringify(r) }));
    for (let attempt = 1; entries.length > 0; attempt++) {
      const res = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      sent += res.Successful?.length ?? 0;
      const failed = new Set((res.Failed ?? []).map((f) => f.Id));
      entries = entries.filter((e) => failed.has(e.Id));
      if (entries.length > 0 && attempt >= 5) throw new Error(`SQS refused ${entries.length} block request(s): ${(res.Failed ?? []).map((f) => f.Code).join(", ")}`);
      if (entries.length > 0) await sleep(100 * 2 ** attempt);
    }
  }
  return sent;
}
