import { addressPolicy } from "../../components/waf-auto-block/lambda/block-request";
import { DynamoBlockStore } from "../../components/waf-auto-block/lambda/block-store";
import { processMessages, type QueueRecord, type WriterDeps, type WriterReport } from "../../components/waf-auto-block/lambda/block-writer";
import { IpSetWriter, type IpSetRef } from "../../components/waf-auto-block/lambda/ip-set-writer";
import { FakeClock } from "../harness/aws";
import { FakeDynamo, FakeWaf } from "./fakes";

export const BLOCK_TABLE = "kamae-blocks";
/** The operator role the writer takes unblock, permanent, pinned and manual requests from (as SQS names its sender). */
export const OPERATOR = "AROAEXAMPLEOPERATOR01";

export interface WriterWorld {
  readonly clock: FakeClock;
  readonly waf: FakeWaf;
  readonly dynamo: FakeDynamo;
  readonly sets: IpSetRef[];
  readonly metrics: Array<[string, number]>;
  readonly notifications: Array<{ subject: string; message: string }>;
  /** A writer as one Lambda execution environment has it (pacing state survives between invocations). */
  deps(overrides?: Partial<WriterDeps>): WriterDeps;
  /** Delivers a batch as SQS would: a failed invocation is redelivered (at-least-once), up to 10 times. */
  deliver(records: QueueRecord[], deps?: WriterDeps): Promise<WriterReport>;
}

let seq = 0;
/** A queue message, sent by the operator role unless another sender is named. */
export function record(body: unknown, messageId = `m-${++seq}`, senderId = `${OPERATOR}:operator`): QueueRecord {
  return { messageId, body: typeof body === "string" ? body : JSON.stringify(body), senderId };
}

export function block(addresses: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: "kamae.block", addresses, source: "guardduty", reason: "Recon:EC2/Portscan", ...extra };
}

export function world(options: { v4Shards?: number; v6Shards?: number; capacity?: number; allowlist?: string[]; seed?: number } = {}): WriterWorld {
  const clock = new FakeClock();
  const capacity = options.capacity ?? 10_000;
  const waf = new FakeWaf(clock, capacity);
  const dynamo = new FakeDynamo({ [BLOCK_TABLE]: ["cidr"] });
  const sets: IpSetRef[] = [];
  for (let i = 0; i < (options.v4Shards ?? 1); i++) sets.push(waf.create(`kamae-v4-${i}`, 4));
  for (let i = 0; i < (options.v6Shards ?? 1); i++) sets.push(waf.create(`kamae-v6-${i}`, 6));
  const metrics: Array<[string, number]> = [];
  const notifications: Array<{ subject: string; message: string }> = [];
  let rnd = options.seed ?? 7;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const deps = (overrides: Partial<WriterDeps> = {}): WriterDeps => ({
    store: new DynamoBlockStore(dynamo.client, BLOCK_TABLE, clock.sleep),
    writer: new IpSetWriter(waf.client, { now: clock.now, sleep: clock.sleep, random, minWriteIntervalMs: 1100, maxAttempts: 8 }),
    sets,
    capacity,
    policy: addressPolicy({ allowlist: options.allowlist ?? [] }),
    defaults: { minutesBySource: { reputation: 1440 }, defaultMinutes: 240, historyDays: 30 },
    now: clock.now,
    target: { accountId: "123456789012", region: "us-east-1" },
    privilegedSenders: [OPERATOR],
    metric: (name, value) => metrics.push([name, value]),
    notify: async (subject, message) => {
      notifications.push({ subject, message });
    },
    ...overrides,
  });
  const shared = deps();
  return {
    clock,
    waf,
    dynamo,
    sets,
    metrics,
    notifications,
    deps,
    async deliver(records, d = shared) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await processMessages(records, d);
        } catch (err) {
          if (attempt >= 10) throw err;
          clock.advance(30_000); // the visibility timeout
        }
      }
    },
  };
}
