import { BatchGetCommand, PutCommand, ScanCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient, type ScanCommandOutput } from "@aws-sdk/lib-dynamodb";
import { type BreakerLimits, WindowBreaker } from "../../shared/aws/window-breaker";
import { DEFAULT_RETRY, type ItemLayout } from "../../shared/aws/versioned-item";
import { isBlockSource, type BlockRequest, type BlockSource, type UnblockRequest } from "./block-request";

/** One row of the block table: an address (canonical CIDR) and why and until when it is blocked. */
export interface BlockEntry {
  readonly cidr: string;
  readonly version: 4 | 6;
  /** Epoch milliseconds. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Epoch milliseconds; absent when permanent. */
  readonly expiresAt?: number;
  readonly permanent: boolean;
  readonly reason: string;
  readonly source: BlockSource;
  /** Never evicted when the IP sets are full. */
  readonly pinned?: boolean;
  /** Recorded while the source's breaker was open: kept in the table, not placed in the IP sets. */
  readonly held?: boolean;
  /** Distinct requests that named this address. */
  readonly hitCount: number;
  /** The latest request ids, so a replayed event changes nothing. */
  readonly requestIds: readonly string[];
  /** Optimistic-lock version of the row. */
  readonly revision: number;
  /** Epoch seconds when DynamoDB may delete the row (a while after expiry, to keep history); absent when permanent. */
  readonly ttl?: number;
}

export interface EntryAction {
  readonly cidr: string;
  readonly action: "block" | "extend" | "duplicate" | "unblock" | "not-blocked" | "held";
  readonly reason: string;
  readonly source?: BlockSource;
}

export interface BlockDefaults {
  /** Block period per source, minutes. */
  readonly minutesBySource: Readonly<Partial<Record<BlockSource, number>>>;
  readonly defaultMinutes: number;
  /** How long a row is kept after it expired (history for repeat offenders). */
  readonly historyDays: number;
}

/** Priority of each source when the IP sets are full: higher is kept. */
const SOURCE_PRIORITY: Readonly<Record<BlockSource, number>> = {
  manual: 60,
  honeypot: 50,
  "deep-security": 40,
  guardduty: 40,
  "access-log": 30,
  reputation: 20,
};

const REQUEST_IDS_KEPT = 20;

export function isActive(entry: BlockEntry, now: number): boolean {
  return entry.permanent || (entry.expiresAt !== undefined && entry.expiresAt > now);
}

/** Active and not held by a breaker: what the IP sets hold. */
export const isBlocking = (entry: BlockEntry, now: number): boolean => isActive(entry, now) && !entry.held;

/** An own property of a settings map (never an inherited one such as "constructor"). */
export function ownValue<T>(map: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Orders entries by what to keep first when capacity runs out: permanent, then source, hits, recency, address. */
export function compareByPriority(a: BlockEntry, b: BlockEntry): number {
  const rank = (e: BlockEntry) => (e.pinned ? 2000 : 0) + (e.permanent ? 1000 : 0) + (ownValue(SOURCE_PRIORITY, e.source) ?? SOURCE_PRIORITY.manual);
  return rank(b) - rank(a) || b.hitCount - a.hitCount || b.lastSeen - a.lastSeen || (a.cidr < b.cidr ? -1 : a.cidr > b.cidr ? 1 : 0);
}

export type AdmittedRequest =
  | { readonly cidr: string; readonly version: 4 | 6; readonly requestId: string; readonly request: BlockRequest }
  | { readonly cidr: string; readonly version: 4 | 6; readonly requestId: string; readonly request: UnblockRequest };

/**
 * Decides the new rows for a batch of admitted requests, given the rows that exist: pure, so it is tested directly.
 * A request id already recorded on the row is a replay and changes nothing.
 */
export function planEntries(
  existing: ReadonlyMap<string, BlockEntry>,
  requests: readonly AdmittedRequest[],
  now: number,
  defaults: BlockDefaults,
): { updates: BlockEntry[]; actions: EntryAction[] } {
  const current = new Map(existing);
  const touched = new Set<string>();
  const actions: EntryAction[] = [];
  for (const item of requests) {
    const before = current.get(item.cidr);
    if (before?.requestIds.includes(item.requestId)) {
      actions.push({ cidr: item.cidr, action: "duplicate", reason: `request ${item.requestId} already applied` });
      continue;
    }
    const requestIds = [...(before?.requestIds ?? []), item.requestId].slice(-REQUEST_IDS_KEPT);
    const req = item.request;
    if (req.kind === "kamae.unblock") {
      if (!before || !isActive(before, now)) {
        actions.push({ cidr: item.cidr, action: "not-blocked", reason: "nothing to unblock" });
        if (before) current.set(item.cidr, { ...before, requestIds });
        else continue;
      } else {
        current.set(item.cidr, { ...before, permanent: false, expiresAt: now, ttl: historyTtl(now, defaults), requestIds, reason: `unblocked: ${req.reason}`.slice(0, 256) });
        actions.push({ cidr: item.cidr, action: "unblock", reason: req.reason });
      }
      touched.add(item.cidr);
      continue;
    }
    const minutes = req.ttlMinutes ?? ownValue(defaults.minutesBySource, req.source) ?? defaults.defaultMinutes;
    const permanent = (before?.permanent ?? false) || req.permanent === true;
    const wanted = now + minutes * 60_000;
    const activeExpiry = before && isActive(before, now) ? (before.expiresAt ?? 0) : 0;
    const expiresAt = permanent ? undefined : Math.max(activeExpiry, wanted);
    // A row held by a breaker is not blocking: a new request for it is a new block (and counts against the breaker).
    const wasActive = before !== undefined && isBlocking(before, now);
    current.set(item.cidr, {
      cidr: item.cidr,
      version: item.version,
      firstSeen: before?.firstSeen ?? now,
      lastSeen: now,
      expiresAt,
      permanent,
      reason: req.reason,
      source: req.source,
      ...(before?.pinned || req.pinned ? { pinned: true } : {}),
      hitCount: (before?.hitCount ?? 0) + 1,
      requestIds,
      revision: before?.revision ?? 0,
      ttl: expiresAt === undefined ? undefined : historyTtl(expiresAt, defaults),
    });
    touched.add(item.cidr);
    actions.push({ cidr: item.cidr, action: wasActive ? "extend" : "block", reason: `${req.source}: ${req.reason}`, source: req.source });
  }
  return { updates: [...touched].map((c) => current.get(c)!), actions };
}

function historyTtl(from: number, defaults: BlockDefaults): number {
  return Math.floor(from / 1000) + defaults.historyDays * 86_400;
}

/** Where block rows live. The DynamoDB implementation is below; tests use it against a stateful fake. */
export interface BlockStore {
  get(cidrs: readonly string[]): Promise<Map<string, BlockEntry>>;
  /**
   * Writes rows whose `revision` is the one read; a row changed meanwhile fails its write (ConditionalCheckFailed).
   * Every row is tried: the ones that failed come back with the error, so only their requests are retried.
   */
  put(entries: readonly BlockEntry[]): Promise<Array<{ cidr: string; error: string }>>;
  /** Every row (paginated scan). */
  all(): Promise<BlockEntry[]>;
  /** The breaker of a source's new blocks (a sliding window kept in the table). */
  breaker(source: BlockSource, limits: BreakerLimits, now: () => number): WindowBreaker;
}

/**
 * Breakers share the block table under keys no CIDR can have, versioned in `revision` like the rows; without a
 * `version` (4 or 6) they are never read as rows.
 */
const BREAKER_LAYOUT: ItemLayout = { keyName: "cidr", versionName: "revision", ttlName: "ttl" };

const BATCH_GET = 100;
const PARALLEL_PUTS = 16;

export class DynamoBlockStore implements BlockStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async get(cidrs: readonly string[]): Promise<Map<string, BlockEntry>> {
    const out = new Map<string, BlockEntry>();
    const unique = [...new Set(cidrs)];
    for (let i = 0; i < unique.length; i += BATCH_GET) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH_GET).map((cidr) => ({ cidr }));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        if (attempt > 8) throw new Error(`DynamoDB left ${keys.length} keys unprocessed after retries`);
        if (attempt > 0) await this.sleep(50 * 2 ** attempt);
        const res: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }));
        // Stryker disable next-line ArrayDeclaration: equivalent, toEntry skips a made-up element that is no row
        for (const item of res.Responses?.[this.tableName] ?? []) {
          const entry = toEntry(item);
          if (entry) out.set(entry.cidr, entry);
        }
        keys = res.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return out;
  }

  async put(entries: readonly BlockEntry[]): Promise<Array<{ cidr: string; error: string }>> {
    const failed: Array<{ cidr: string; error: string }> = [];
    for (let i = 0; i < entries.length; i += PARALLEL_PUTS) {
      const part = entries.slice(i, i + PARALLEL_PUTS);
      const results = await Promise.allSettled(
        part.map((e) =>
          this.db.send(
            new PutCommand({
              TableName: this.tableName,
              Item: definedOnly({ ...e, requestIds: [...e.requestIds], revision: e.revision + 1 }),
              ConditionExpression: "attribute_not_exists(cidr) OR revision = :revision",
              ExpressionAttributeValues: { ":revision": e.revision },
            }),
          ),
        ),
      );
      results.forEach((r, k) => {
        if (r.status === "rejected") failed.push({ cidr: part[k].cidr, error: `${(r.reason as Error).name}: ${(r.reason as Error).message}`.slice(0, 300) });
      });
    }
    return failed;
  }

  breaker(source: BlockSource, limits: BreakerLimits, now: () => number): WindowBreaker {
    return new WindowBreaker(this.db, this.tableName, `breaker#${source}`, limits, now, BREAKER_LAYOUT, { ...DEFAULT_RETRY, sleep: this.sleep });
  }

  async all(): Promise<BlockEntry[]> {
    const out: BlockEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res: ScanCommandOutput = await this.db.send(new ScanCommand({ TableName: this.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
      // Stryker disable next-line ArrayDeclaration: equivalent, toEntry skips a made-up element that is no row
      for (const item of res.Items ?? []) {
        const entry = toEntry(item);
        if (entry) out.push(entry);
      }
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}

/** DynamoDB has no "undefined": absent attributes are left out (a permanent row has no expiry and no TTL). */
function definedOnly(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
}

/** Rows are read defensively: a row edited by hand into a wrong shape is skipped, never crashes the writer. */
function toEntry(item: Record<string, any>): BlockEntry | undefined {
  if (typeof item.cidr !== "string" || (item.version !== 4 && item.version !== 6)) return undefined;
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) ? v : d);
  return {
    cidr: item.cidr,
    version: item.version,
    firstSeen: num(item.firstSeen, 0),
    lastSeen: num(item.lastSeen, 0),
    expiresAt: typeof item.expiresAt === "number" ? item.expiresAt : undefined,
    permanent: item.permanent === true,
    reason: typeof item.reason === "string" ? item.reason : "",
    source: isBlockSource(item.source) ? item.source : "manual",
    ...(item.pinned === true ? { pinned: true } : {}),
    ...(item.held === true ? { held: true } : {}),
    hitCount: num(item.hitCount, 1),
    requestIds: Array.isArray(item.requestIds) ? item.requestIds.filter((r: unknown) => typeof r === "string") : [],
    revision: num(item.revision, 0),
    ttl: typeof item.ttl === "number" ? item.ttl : undefined,
  };
}
