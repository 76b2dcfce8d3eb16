import type { ActionTarget } from "../../shared/aws/account-clients";
import { admitAddress, needsPrivilegedSender, NOT_PRIVILEGED, parseQueueMessage, TOO_BROAD, type AddressPolicy, type BlockSource } from "./block-request";
import { isBlocking, ownValue, planEntries, type AdmittedRequest, type BlockDefaults, type BlockEntry, type BlockStore, type EntryAction } from "./block-store";
import type { IpSetContents, IpSetRef, IpSetWriter } from "./ip-set-writer";
import { planShards } from "./shard-plan";

/** How the refusal of an unblock's address starts (the rest is why), so reports and notices tell it from a block's. */
const UNBLOCK_REFUSED = "unblock refused: ";

export interface QueueRecord {
  readonly messageId: string;
  readonly body: string;
  /** SQS's SenderId attribute: the sender's unique id (`AROA…:<session>` for a role, `AIDA…` for a user). */
  readonly senderId?: string;
}

export interface WriterDeps {
  readonly store: BlockStore;
  readonly writer: IpSetWriter;
  /** The IP sets of both families, in shard order. */
  readonly sets: readonly IpSetRef[];
  /** Addresses per IP set (WAF's hard limit is 10,000). */
  readonly capacity: number;
  readonly policy: AddressPolicy;
  readonly defaults: BlockDefaults;
  readonly now: () => number;
  readonly target: ActionTarget;
  /** Emits a metric (CloudWatch EMF in Lambda). */
  readonly metric: (name: string, value: number) => void;
  /** Tells a human (SNS in Lambda). */
  readonly notify: (subject: string, message: string) => Promise<void>;
  /**
   * What was last notified per family, kept by the caller across invocations: a full list is notified when it first
   * overflows and when the overflow changes by a tenth, not on every sweep (the metric is emitted every time).
   */
  readonly notified?: { v4: number; v6: number };
  /** New blocks each source may make per window; past it, requests are recorded (held) and notified, not blocked. */
  readonly breaker?: BreakerLimits;
  /** Unique ids (`AROA…`, `AIDA…`) of the only senders whose unblock, permanent, pinned and manual requests count. */
  readonly privilegedSenders: readonly string[];
}

export interface BreakerLimits {
  readonly windowMinutes: number;
  /** A source not listed has no breaker. */
  readonly maxNewBlocks: Readonly<Partial<Record<BlockSource, number>>>;
}

export interface ShardReport {
  readonly name: string;
  readonly version: 4 | 6;
  readonly size: number;
  readonly adds: number;
  readonly removes: number;
  readonly written: boolean;
  /** The write lost a lock conflict (the set is planned again). */
  readonly conflict: boolean;
}

export interface WriterReport {
  readonly accountId: string;
  readonly region: string;
  readonly rejected: Array<{ messageId: string; address?: string; reason: string }>;
  readonly actions: EntryAction[];
  readonly shards: ShardReport[];
  /** Active entries that do not fit in the IP sets (reported, never silently dropped). */
  readonly notPlaced: { v4: number; v6: number };
  readonly blocked: { v4: number; v6: number };
  /** Entries that were in an IP set and had to leave it for higher-priority ones (notified every time). */
  readonly evicted: string[];
  /** Messages to redeliver (their rows could not be written): the batch response names them, the rest is done. */
  readonly failedMessageIds: string[];
}

/**
 * The single writer's work for one batch of queue messages: record the requests in the table, then bring every IP set
 * in line with the table's active, allowed entries. Replays and sync ticks converge on the same state.
 */
export async function processMessages(records: readonly QueueRecord[], deps: WriterDeps): Promise<WriterReport> {
  const now = deps.now();
  const rejected: WriterReport["rejected"] = [];
  const admitted: AdmittedRequest[] = [];
  const messagesOf = new Map<string, Set<string>>();
  for (const record of records) {
    const parsed = parseQueueMessage(record.body);
    if (!parsed.ok) {
      rejected.push({ messageId: record.messageId, reason: parsed.reason });
      continue;
    }
    const msg = parsed.value;
    if (msg.kind === "kamae.sync") continue;
    // The sender id comes from SQS, not from the message: a sender cannot claim another's.
    if (needsPrivilegedSender(msg) && !deps.privilegedSenders.includes(record.senderId?.split(":")[0] ?? "")) {
      rejected.push({ messageId: record.messageId, reason: `${msg.kind === "kamae.unblock" ? "unblock" : "permanent, pinned or manual block"} from ${record.senderId ?? "an unknown sender"}: ${NOT_PRIVILEGED}` });
      continue;
    }
    const requestId = msg.requestId ?? `sqs:${record.messageId}`;
    for (const address of msg.addresses) {
      // A block is held to its source's minimum prefix, an unblock (which lifts whatever the network covers) to a
      // manual request's.
      const unblock = msg.kind === "kamae.unblock";
      const cidr = admitAddress(address, deps.policy, unblock ? "manual" : msg.source);
      if (!cidr.ok) {
        rejected.push({ messageId: record.messageId, address: address.slice(0, 100), reason: unblock ? `${UNBLOCK_REFUSED}${cidr.reason}` : cidr.reason });
        continue;
      }
      admitted.push({ cidr: cidr.value.text, version: cidr.value.version, requestId, request: msg } as AdmittedRequest);
      messagesOf.set(cidr.value.text, (messagesOf.get(cidr.value.text) ?? new Set()).add(record.messageId));
    }
  }

  // A batch with nothing admitted (a sync) reads, plans and writes no rows: each step is empty.
  const failed = new Set<string>();
  const existing = await deps.store.get(admitted.map((a) => a.cidr));
  const plan = planEntries(existing, admitted, now, deps.defaults);
  const { held, unsettled } = await applyBreaker(plan.actions, deps);
  const actions = plan.actions.filter((a) => !unsettled.has(a.cidr)).map((a) => (held.has(a.cidr) ? { ...a, action: "held" as const } : a));
  const updates = plan.updates.filter((e) => !unsettled.has(e.cidr)).map((e) => (held.has(e.cidr) ? { ...e, held: true } : e));
  const unrecorded = [...unsettled].map(([cidr, error]) => ({ cidr, error }));
  // A row that cannot be written (or whose breaker could not be settled) fails only the messages that asked for it:
  // SQS redelivers those alone.
  for (const f of [...unrecorded, ...(await deps.store.put(updates))]) {
    // Every row written or held back came from an admitted address, which names its messages.
    const ids = messagesOf.get(f.cidr)!;
    for (const id of ids) failed.add(id);
    rejected.push({ messageId: [...ids].join(","), address: f.cidr, reason: `not recorded, will be retried: ${f.error}` });
  }
  await notifyRefusals(deps, rejected);

  const { shards, notPlaced, blocked, evicted } = await reconcile(deps, now);
  deps.metric("BlockedAddresses", blocked.v4 + blocked.v6);
  deps.metric("AddressesNotPlaced", notPlaced.v4 + notPlaced.v6);
  deps.metric("RejectedRequests", rejected.length);
  deps.metric("IpSetWrites", shards.filter((s) => s.written).length);
  deps.metric("EvictedAddresses", evicted.length);
  return { accountId: deps.target.accountId, region: deps.target.region, rejected, actions, shards, notPlaced, blocked, evicted, failedMessageIds: [...failed] };
}

/**
 * Counts the batch's new blocks per source against the source's breaker (a sliding window, shared/aws/window-breaker.ts,
 * whose versioned write is retried with jitter when writers race). Returns the addresses past the limit (`held`: recorded,
 * never placed, and notified, so a flood of findings cannot rewrite the list) and, per source whose breaker could not
 * be settled (contended past its retries, or DynamoDB failing), the error: those addresses are not recorded and their
 * messages are retried alone.
 */
async function applyBreaker(actions: readonly EntryAction[], deps: WriterDeps): Promise<{ held: Set<string>; unsettled: Map<string, string> }> {
  const held = new Set<string>();
  const unsettled = new Map<string, string>();
  if (!deps.breaker) return { held, unsettled };
  const bySource = new Map<BlockSource, string[]>();
  for (const a of actions) {
    if (a.action !== "block" || !a.source || ownValue(deps.breaker.maxNewBlocks, a.source) === undefined) continue;
    bySource.set(a.source, [...(bySource.get(a.source) ?? []), a.cidr]);
  }
  for (const [source, cidrs] of bySource) {
    const max = ownValue(deps.breaker.maxNewBlocks, source)!;
    let admitted: number;
    try {
      ({ admitted } = await deps.store.breaker(source, { max, windowSeconds: deps.breaker.windowMinutes * 60 }, deps.now).takeUpTo(cidrs.length));
    } catch (err) {
      const error = `${source} breaker not settled: ${(err as Error).name}: ${(err as Error).message}`.slice(0, 300);
      for (const c of cidrs) unsettled.set(c, error);
      continue;
    }
    const over = cidrs.slice(admitted);
    for (const c of over) held.add(c);
    if (over.length > 0) {
      deps.metric("BreakerHeld", over.length);
      await deps.notify(
        `Kamae WafAutoBlock: ${source} breaker open in ${deps.target.accountId}/${deps.target.region}`,
        [
          `${source} asked for more than ${max} new blocks in ${deps.breaker.windowMinutes} minutes: ${over.length} addresses are recorded in the block table but not blocked.`,
          "A real attack of this size is rare; a misconfigured feeder or a flood of findings is not. Review them, then block them with a manual request or wait for the window to pass.",
          `Held (first 20): ${over.slice(0, 20).join(", ")}`,
        ].join("\n"),
      );
    }
  }
  return { held, unsettled };
}

/**
 * Networks refused as broader than their source may block, and privileged requests from other senders (a
 * misconfiguration or a forgery), are told to a human, not only logged.
 */
async function notifyRefusals(deps: WriterDeps, rejected: WriterReport["rejected"]): Promise<void> {
  const where = `${deps.target.accountId}/${deps.target.region}`;
  const broad = rejected.filter((r) => r.reason.includes(TOO_BROAD));
  if (broad.length > 0) {
    const unblocks = broad.filter((r) => r.reason.startsWith(UNBLOCK_REFUSED)).length;
    const asked = unblocks === 0 ? "block" : unblocks === broad.length ? "unblock" : "block or unblock";
    await deps.notify(`Kamae WafAutoBlock: ${broad.length} networks too broad to ${asked} in ${where}`, [`Refused (first 20):`, ...broad.slice(0, 20).map((r) => `${r.address}: ${r.reason}`)].join("\n"));
  }
  const unprivileged = rejected.filter((r) => r.reason.includes(NOT_PRIVILEGED));
  if (unprivileged.length > 0) {
    await deps.notify(
      `Kamae WafAutoBlock: ${unprivileged.length} requests refused in ${where}: ${NOT_PRIVILEGED}`,
      ["Nothing was unblocked or blocked for them. Send unblock, permanent, pinned and manual requests from a role in privilegedSenderArns.", ...unprivileged.slice(0, 20).map((r) => `${r.messageId}: ${r.reason}`)].join("\n"),
    );
  }
}

/**
 * Brings every IP set in line with the table. The sets are read before the table: a set that another writer changed
 * after our read fails our write with a lock conflict, and one changed before our read was changed from a table state
 * our scan already includes. So after a conflict we read and plan again, and nothing another writer added is lost.
 */
async function reconcile(deps: WriterDeps, now: number): Promise<Pick<WriterReport, "shards" | "notPlaced" | "blocked" | "evicted">> {
  for (let round = 1; ; round++) {
    const contents: IpSetContents[] = [];
    for (const set of deps.sets) contents.push(await deps.writer.read(set));
    const wanted = (await deps.store.all()).filter((e) => isBlocking(e, now) && admitAddress(e.cidr, deps.policy, e.source).ok);
    const shards: ShardReport[] = [];
    const notPlaced = { v4: 0, v6: 0 };
    const blocked = { v4: 0, v6: 0 };
    let conflict = false;
    const evicted: BlockEntry[] = [];
    for (const version of [4, 6] as const) {
      const indexes = deps.sets.map((s, i) => (s.version === version ? i : -1)).filter((i) => i >= 0);
      const family = wanted.filter((e) => e.version === version);
      const plan = planShards(family, indexes.map((i) => contents[i].addresses), deps.capacity);
      for (const [k, i] of indexes.entries()) {
        const outcome = plan.changed[k] ? await deps.writer.write(deps.sets[i], plan.targets[k], contents[i]) : { written: false, conflict: false };
        conflict ||= outcome.conflict;
        shards.push({ name: deps.sets[i].name, version, size: plan.targets[k].length, adds: plan.adds[k], removes: plan.removes[k], written: outcome.written, conflict: outcome.conflict });
      }
      const key = version === 4 ? "v4" : "v6";
      const held = new Set(indexes.flatMap((i) => contents[i].addresses));
      evicted.push(...plan.overflow.filter((e) => held.has(e.cidr)));
      notPlaced[key] = plan.overflow.length;
      blocked[key] = family.length - plan.overflow.length;
      if (!conflict) await reportOverflow(deps, version, plan.overflow, indexes.length);
    }
    if (!conflict) {
      await reportEvictions(deps, evicted);
      return { shards, notPlaced, blocked, evicted: evicted.map((e) => e.cidr) };
    }
    deps.metric("LockConflicts", 1);
    if (round >= deps.writer.maxAttempts) throw new Error(`IP sets kept changing under the writer (${round} lock conflicts); the batch will be retried`);
  }
}

async function reportEvictions(deps: WriterDeps, evicted: readonly BlockEntry[]): Promise<void> {
  if (evicted.length === 0) return;
  const sample = evicted.slice(0, 20).map((e) => `${e.cidr} (${e.source}${e.permanent ? ", permanent" : ""})`).join(", ");
  await deps.notify(
    `Kamae WafAutoBlock: ${evicted.length} blocked addresses evicted in ${deps.target.accountId}/${deps.target.region}`,
    [
      `${evicted.length} addresses were blocked and had to leave the full IP sets for higher-priority blocks. They stay recorded and return when room frees up.`,
      'Pin an address that must stay blocked with a manual request ({"kind":"kamae.block","source":"manual","pinned":true,...}), or raise maxAddresses.',
      `Evicted (first 20): ${sample}`,
    ].join("\n"),
  );
}

async function reportOverflow(deps: WriterDeps, version: 4 | 6, overflow: readonly BlockEntry[], setCount: number): Promise<void> {
  const key = version === 4 ? "v4" : "v6";
  if (overflow.length === 0) {
    if (deps.notified) deps.notified[key] = 0;
    return;
  }
  if (deps.notified) {
    const last = deps.notified[key];
    // Never notified (last 0): no overflow is within a tenth of 0.
    if (Math.abs(overflow.length - last) < last / 10) return;
    deps.notified[key] = overflow.length;
  }
  const sample = overflow.slice(0, 20).map((e) => `${e.cidr} (${e.source}, ${e.hitCount} hits)`).join(", ");
  await deps.notify(
    `Kamae WafAutoBlock: IPv${version} block list full in ${deps.target.accountId}/${deps.target.region}`,
    [
      `${overflow.length} IPv${version} addresses that should be blocked do not fit in the ${setCount} IP set(s) of ${deps.capacity} entries.`,
      "The highest-priority entries are blocked; the rest stay recorded in the block table and are placed as soon as room frees up.",
      "Raise maxAddresses of the WafAutoBlock component to create more IP sets.",
      `Not placed (first 20, lowest priority last): ${sample}`,
    ].join("\n"),
  );
}
