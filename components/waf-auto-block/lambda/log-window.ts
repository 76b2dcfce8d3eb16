import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { MinuteCounts } from "./access-log";

export interface Thresholds {
  /** Errors per address in one minute (merged across files) that make it a scanner. */
  readonly errorsPerMinute: number;
  /** Requests per address in any 5 consecutive minutes (merged across files) that make it a flood. */
  readonly requestsPer5Minutes: number;
  /**
   * Per-file counts below this fraction of a threshold are not merged (bounding table writes on busy sites); an
   * attacker spread evenly over 1/fraction files or more could stay unseen.
   */
  readonly mergeFloor: number;
  /** At most this many counter updates per file, largest counts first (the rest are reported). */
  readonly maxUpdatesPerFile: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { errorsPerMinute: 50, requestsPer5Minutes: 100, mergeFloor: 0.2, maxUpdatesPerFile: 20_000 };

/** Merged counters per address and minute, shared by every file (load balancer nodes, CloudFront partial files). */
export interface CounterStore {
  /** Atomically adds to one address-minute and returns the merged totals. */
  add(ip: string, minute: number, requests: number, errors: number): Promise<{ requests: number; errors: number }>;
  /** Merged request counts of an address for minutes in [from, to]. */
  requests(ip: string, from: number, to: number): Promise<Map<number, number>>;
  /** Claims a file so a replayed notification never counts it twice; false when it was already claimed. */
  claimFile(id: string): Promise<boolean>;
  releaseFile(id: string): Promise<void>;
}

export interface Offender {
  readonly ip: string;
  readonly reason: string;
}

export interface WindowDecision {
  readonly offenders: Offender[];
  readonly updates: number;
  /** Address-minutes under the merge floor or beyond the per-file cap. */
  readonly notMerged: number;
}

/**
 * Merges one file's counts into the shared window and names the addresses over a threshold: errors in one minute,
 * or requests in any 5-minute window containing a minute this file touched.
 */
export async function mergeAndDecide(counts: MinuteCounts, store: CounterStore, t: Thresholds, parallel = 16): Promise<WindowDecision> {
  const floorErrors = Math.max(1, Math.ceil(t.errorsPerMinute * t.mergeFloor));
  const floorRequests = Math.max(1, Math.ceil((t.requestsPer5Minutes / 5) * t.mergeFloor));
  const work: Array<{ ip: string; minute: number; requests: number; errors: number }> = [];
  let notMerged = 0;
  for (const [ip, b] of counts) {
    for (let i = 0; i < b.length; i += 3) {
      if (b[i + 1] >= floorRequests || b[i + 2] >= floorErrors) work.push({ ip, minute: b[i], requests: b[i + 1], errors: b[i + 2] });
      else notMerged++;
    }
  }
  work.sort((a, b) => b.errors - a.errors || b.requests - a.requests);
  notMerged += Math.max(0, work.length - t.maxUpdatesPerFile);
  work.length = Math.min(work.length, t.maxUpdatesPerFile);

  const offenders = new Map<string, string>();
  const floodCandidates = new Map<string, Set<number>>();
  for (let i = 0; i < work.length; i += parallel) {
    await Promise.all(
      work.slice(i, i + parallel).map(async (w) => {
        const merged = await store.add(w.ip, w.minute, w.requests, w.errors);
        if (merged.errors >= t.errorsPerMinute && !offenders.has(w.ip)) {
          offenders.set(w.ip, `${merged.errors} error responses in the minute from ${new Date(w.minute * 60_000).toISOString()} (threshold ${t.errorsPerMinute})`);
        }
        // A 5-minute sum reaches the threshold only if some minute holds a fifth of it.
        if (merged.requests >= t.requestsPer5Minutes / 5) {
          const set = floodCandidates.get(w.ip) ?? new Set<number>();
          set.add(w.minute);
          floodCandidates.set(w.ip, set);
        }
      }),
    );
  }
  for (const [ip, minutes] of floodCandidates) {
    if (offenders.has(ip)) continue;
    const lo = Math.min(...minutes) - 4;
    const hi = Math.max(...minutes) + 4;
    const series = await store.requests(ip, lo, hi);
    for (let start = lo; start <= hi - 4; start++) {
      let sum = 0;
      for (let m = start; m < start + 5; m++) sum += series.get(m) ?? 0;
      if (sum >= t.requestsPer5Minutes) {
        offenders.set(ip, `${sum} requests in the 5 minutes from ${new Date(start * 60_000).toISOString()} (threshold ${t.requestsPer5Minutes})`);
        break;
      }
    }
  }
  return { offenders: [...offenders].map(([ip, reason]) => ({ ip, reason })), updates: work.length, notMerged };
}

/** Counter rows: key (ip, minute); kept two days (logs arrive up to 24 hours late). File claims share the table. */
export class DynamoCounterStore implements CounterStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async add(ip: string, minute: number, requests: number, errors: number): Promise<{ requests: number; errors: number }> {
    const res = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { ip, minute },
        UpdateExpression: "ADD #r :r, #e :e SET #t = :t",
        ExpressionAttributeNames: { "#r": "requests", "#e": "errors", "#t": "ttl" },
        ExpressionAttributeValues: { ":r": requests, ":e": errors, ":t": Math.floor(this.now() / 1000) + 2 * 86_400 },
        ReturnValues: "ALL_NEW",
      }),
    );
    return { requests: Number(res.Attributes?.requests ?? requests), errors: Number(res.Attributes?.errors ?? errors) };
  }

  async requests(ip: string, from: number, to: number): Promise<Map<number, number>> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "#h = :h AND #r BETWEEN :from AND :to",
        ExpressionAttributeNames: { "#h": "ip", "#r": "minute" },
        ExpressionAttributeValues: { ":h": ip, ":from": from, ":to": to },
        ConsistentRead: true,
      }),
    );
    return new Map((res.Items ?? []).map((i) => [Number(i.minute), Number(i.requests ?? 0)]));
  }

  async claimFile(id: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ip: `file#${id}`, minute: 0, ttl: Math.floor(this.now() / 1000) + 7 * 86_400 },
          ConditionExpression: "attribute_not_exists(ip)",
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err as Error).name === "ConditionalCheckFailedException") return false;
      throw err;
    }
  }

  async releaseFile(id: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { ip: `file#${id}`, minute: 0 } }));
  }
}
