import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { MinuteCounts } from "./access-log";

export interface Thresholds {
  /** Errors per address in one minute (merged across files) that make it a scanner. */
  readonly errorsPerMinute: number;
  /** Requests per address in any 5 consecutive minutes (merged across files) that make it a flood. */
  readonly requestsPer5Minutes: number;
  /**
   * An address is merged when one file holds this fraction of a threshold for it (errors in a minute, or requests in
   * the file): ordinary clients stay out of the table. An attacker spread over 1/fraction files or more, each below
   * the floor, stays unseen; the report counts what was left below it.
   */
  readonly mergeFloor: number;
  /**
   * At most this many counter writes per file (one per address and hour), the addresses nearest a threshold first;
   * the rest are reported as not merged, with the score of the last one merged.
   */
  readonly maxUpdatesPerFile: number;
}

/** Merged counts of one address: epoch minute → requests and errors. */
export type MergedCounts = Map<number, { requests: number; errors: number }>;

/**
 * Merged counters per address and hour, shared by every file (load balancer nodes, CloudFront partial files): one
 * write per address and file carries all its minutes of that hour.
 */
export interface CounterStore {
  /** Atomically adds minute counts ([minute, requests, errors] triples, all in `hour`) and returns the hour's totals. */
  add(ip: string, hour: number, counts: readonly number[]): Promise<MergedCounts>;
  /** Merged counts of an address for the hours starting at minutes in [fromHour, toHour]. */
  hours(ip: string, fromHour: number, toHour: number): Promise<MergedCounts>;
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
  /** Counter writes made (one per address and hour). */
  readonly updates: number;
  /** Address-hours left out because no count reached the merge floor. */
  readonly belowFloor: number;
  /** Address-hours over the floor left out by the per-file cap (the ones farthest from a threshold). */
  readonly overCap: number;
  /** The lowest score merged when the cap was reached (fraction of a threshold), so the report says how far it reached. */
  readonly capScore?: number;
}

/** The epoch minute starting the hour of `minute`. */
export const hourOf = (minute: number): number => minute - (((minute % 60) + 60) % 60);

interface Work {
  readonly row: number;
  readonly hour: number;
  readonly counts: number[];
  readonly score: number;
}

/**
 * Merges one file's counts into the shared window and names the addresses over a threshold: errors in one minute,
 * or requests in any 5-minute window containing a minute this file touched.
 */
export async function mergeAndDecide(counts: MinuteCounts, store: CounterStore, t: Thresholds, parallel = 16): Promise<WindowDecision> {
  const work: Work[] = [];
  let belowFloor = 0;
  // Most addresses are ordinary clients below the floor: scored in place, a list made only for those merged.
  const b: number[] = [];
  counts.forEachRow((row) => {
    counts.buckets(row, b);
    // Per hour of the row's minutes (a 5-minute file touches one or two), first seen first.
    for (let first = 0; first < b.length; first += 3) {
      const hour = hourOf(b[first]);
      let seen = false;
      for (let i = 0; i < first && !seen; i += 3) seen = hourOf(b[i]) === hour;
      if (seen) continue;
      let requests = 0;
      let maxErrors = 0;
      for (let i = first; i < b.length; i += 3) {
        if (hourOf(b[i]) !== hour) continue;
        requests += b[i + 1];
        if (b[i + 2] > maxErrors) maxErrors = b[i + 2];
      }
      const score = Math.max(requests / t.requestsPer5Minutes, maxErrors / t.errorsPerMinute);
      if (!(score >= t.mergeFloor && score > 0)) {
        belowFloor++;
        continue;
      }
      const list: number[] = [];
      for (let i = first; i < b.length; i += 3) if (hourOf(b[i]) === hour) list.push(b[i], b[i + 1], b[i + 2]);
      work.push({ row, hour, counts: list, score });
    }
  });
  work.sort((a, b) => b.score - a.score);
  const overCap = Math.max(0, work.length - t.maxUpdatesPerFile);
  work.length = Math.min(work.length, t.maxUpdatesPerFile);
  // Address texts only for the rows written.
  const ips = work.map((w) => counts.address(w.row));
  const capScore = overCap > 0 ? work[work.length - 1].score : undefined;

  const offenders = new Map<string, string>();
  // Per address: the merged minutes the writes returned, and the minutes of this file that could start a flood.
  const merged = new Map<string, MergedCounts>();
  const floodMinutes = new Map<string, number[]>();
  for (let i = 0; i < work.length; i += parallel) {
    await Promise.all(
      work.slice(i, i + parallel).map(async (w, k) => {
        const ip = ips[i + k];
        const hour = await store.add(ip, w.hour, w.counts);
        const series = merged.get(ip) ?? new Map();
        merged.set(ip, series);
        for (const [m, c] of hour) series.set(m, c);
        for (let k = 0; k < w.counts.length; k += 3) {
          const c = hour.get(w.counts[k]) ?? { requests: 0, errors: 0 };
          if (c.errors >= t.errorsPerMinute && !offenders.has(ip)) {
            offenders.set(ip, `${c.errors} error responses in the minute from ${new Date(w.counts[k] * 60_000).toISOString()} (threshold ${t.errorsPerMinute})`);
          }
          // A 5-minute sum reaches the threshold only if some minute holds a fifth of it.
          if (c.requests >= t.requestsPer5Minutes / 5) floodMinutes.set(ip, [...(floodMinutes.get(ip) ?? []), w.counts[k]]);
        }
      }),
    );
  }
  for (const [ip, minutes] of floodMinutes) {
    if (offenders.has(ip)) continue;
    const lo = Math.min(...minutes) - 4;
    const hi = Math.max(...minutes) + 4;
    let series = merged.get(ip)!;
    // Windows that reach into another hour read the table for it.
    if (hourOf(lo) !== hourOf(hi)) series = new Map([...(await store.hours(ip, hourOf(lo), hourOf(hi))), ...series]);
    for (let start = lo; start <= hi - 4; start++) {
      let sum = 0;
      for (let m = start; m < start + 5; m++) sum += series.get(m)?.requests ?? 0;
      if (sum >= t.requestsPer5Minutes) {
        offenders.set(ip, `${sum} requests in the 5 minutes from ${new Date(start * 60_000).toISOString()} (threshold ${t.requestsPer5Minutes})`);
        break;
      }
    }
  }
  return { offenders: [...offenders].map(([ip, reason]) => ({ ip, reason })), updates: work.length, belowFloor, overCap, ...(capScore === undefined ? {} : { capScore }) };
}

/** Counter rows: key (ip, minute starting the hour), attributes r<m>/e<m> per minute of the hour; kept two days (logs arrive up to 24 hours late). File claims share the table. */
export class DynamoCounterStore implements CounterStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async add(ip: string, hour: number, counts: readonly number[]): Promise<MergedCounts> {
    const names: Record<string, string> = { "#t": "ttl" };
    const values: Record<string, number> = { ":t": Math.floor(this.now() / 1000) + 2 * 86_400 };
    const adds: string[] = [];
    for (let i = 0; i < counts.length; i += 3) {
      const m = counts[i] - hour;
      names[`#r${m}`] = `r${m}`;
      names[`#e${m}`] = `e${m}`;
      values[`:r${m}`] = counts[i + 1];
      values[`:e${m}`] = counts[i + 2];
      adds.push(`#r${m} :r${m}`, `#e${m} :e${m}`);
    }
    const res = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { ip, minute: hour },
        UpdateExpression: `ADD ${adds.join(", ")} SET #t = :t`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return hourCounts(res.Attributes ?? {}, hour);
  }

  async hours(ip: string, fromHour: number, toHour: number): Promise<MergedCounts> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "#h = :h AND #r BETWEEN :from AND :to",
        ExpressionAttributeNames: { "#h": "ip", "#r": "minute" },
        ExpressionAttributeValues: { ":h": ip, ":from": fromHour, ":to": toHour },
        ConsistentRead: true,
      }),
    );
    const all: MergedCounts = new Map();
    // Stryker disable next-line ArrayDeclaration: equivalent, a made-up element has no r<m>/e<m> attributes to count
    for (const item of res.Items ?? []) for (const [m, c] of hourCounts(item, Number(item.minute))) all.set(m, c);
    return all;
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

/** An hour item's r<m>/e<m> attributes as epoch minute → counts. */
function hourCounts(item: Record<string, unknown>, hour: number): MergedCounts {
  const out: MergedCounts = new Map();
  for (const [name, value] of Object.entries(item)) {
    const m = /^([re])(\d{1,2})$/.exec(name);
    if (!m) continue;
    const minute = hour + Number(m[2]);
    const c = out.get(minute) ?? { requests: 0, errors: 0 };
    if (m[1] === "r") c.requests = Number(value);
    else c.errors = Number(value);
    out.set(minute, c);
  }
  return out;
}
