import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, SQSClient } from "@aws-sdk/client-sqs";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { parseQueueMessage, type BlockRequest } from "../../components/waf-auto-block/lambda/block-request";
import { awsError } from "../harness/aws";

export const HOME = "123456789012";
export const QUEUE = `https://sqs.us-east-1.amazonaws.com/${HOME}/kamae-waf-block-queue`;
const LAMBDA = "../../components/waf-auto-block/lambda";

/** What every feeder gets from the component: its Region, own credentials, home account and the writer's queue. */
const BASE_ENV = {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  KAMAE_HOME_ACCOUNT_ID: HOME,
  KAMAE_BLOCK_QUEUE_URL: QUEUE,
  POWERTOOLS_LOG_LEVEL: "SILENT",
};

export type Handler = (event: unknown, context: Context) => Promise<any>;

/** Loads handler modules as Lambda does: settings and clients read at load, from the environment given. */
export class HandlerLoader {
  private readonly saved = { ...process.env };
  private readonly loaded: string[] = [];

  /** A fresh copy of the handler module (`waf-event-feeder.handler`) under this environment. */
  load(name: string, env: Record<string, string>): Handler {
    this.resetEnv();
    Object.assign(process.env, BASE_ENV, env);
    const path = require.resolve(`${LAMBDA}/${name}`);
    delete require.cache[path];
    this.loaded.push(path);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path).handler;
  }

  /** Forgets the loaded modules and gives the process its environment back. */
  restore(): void {
    for (const path of this.loaded) delete require.cache[path];
    this.resetEnv();
  }

  private resetEnv(): void {
    for (const key of Object.keys(process.env)) if (!(key in this.saved)) delete process.env[key];
    Object.assign(process.env, this.saved);
  }
}

/**
 * SQS SendMessageBatch as it behaves: the queue must exist, 1 to 10 entries with distinct well-formed ids, at most
 * 256 KiB in all. Entries listed in `refuseOnce` are answered as failed the first time (a partial batch failure).
 */
export class FakeSqs {
  readonly bodies: string[] = [];
  readonly calls: number[] = [];
  readonly refuseOnce = new Set<string>();
  /** The SDK stub, whose calls the least-privilege test reads. */
  readonly mock = mockClient(SQSClient);
  constructor(readonly queues: string[] = [QUEUE]) {
    this.mock.on(SendMessageBatchCommand).callsFake(async (input) => {
      if (!this.queues.includes(input.QueueUrl ?? "")) throw awsError("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.", { httpStatusCode: 400 });
      const entries: SendMessageBatchRequestEntry[] = input.Entries ?? [];
      this.calls.push(entries.length);
      if (entries.length === 0) throw awsError("AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one SendMessageBatchRequestEntry in the request.");
      if (entries.length > 10) throw awsError("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10.");
      if (new Set(entries.map((e) => e.Id)).size !== entries.length) throw awsError("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
      if (!entries.every((e) => /^[\w-]{1,80}$/.test(e.Id ?? ""))) throw awsError("AWS.SimpleQueueService.InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores.");
      if (entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody ?? ""), 0) > 256 * 1024) throw awsError("AWS.SimpleQueueService.BatchRequestTooLong", "Batch requests cannot be longer than 262144 bytes.");
      const Successful = [];
      const Failed = [];
      for (const e of entries) {
        if (this.refuseOnce.delete(e.MessageBody!)) {
          Failed.push({ Id: e.Id!, SenderFault: false, Code: "InternalError" });
          continue;
        }
        this.bodies.push(e.MessageBody!);
        Successful.push({ Id: e.Id!, MessageId: `m-${this.bodies.length}`, MD5OfMessageBody: "" });
      }
      return { Successful, Failed };
    });
  }

  /** The queued block requests, each checked against the writer's own parser. */
  requests(): BlockRequest[] {
    return this.bodies.map((body) => {
      const parsed = parseQueueMessage(body);
      assert.ok(parsed.ok, `the writer refuses ${body}: ${parsed.ok ? "" : parsed.reason}`);
      assert.equal(parsed.value.kind, "kamae.block");
      return parsed.value as BlockRequest;
    });
  }

  restore(): void {
    this.mock.restore();
  }
}
