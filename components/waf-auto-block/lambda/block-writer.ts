import type { ActionTarget } from "../../shared/aws/account-clients";
import { admitAddress, parseQueueMessage, type AddressPolicy } from "./block-request";
import { isActive, planEntries, type AdmittedRequest, type BlockDefaults, type BlockEntry, type BlockStore, type EntryAction } from "./block-store";
import type { IpSetContents, IpSetRef, IpSetWriter } from "./ip-set-writer";
import { planShards } from "./shard-plan";

export interface QueueRecord {
  readonly messageId: string;
  readonly body: string;
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
}

/**
 * The single writer's work for one batch of queue messages: record the requests in the table, then bring every IP set
 * in line with the table's active, allowed entries. Replays and sync ticks converge on the same state.
 */
export async function processMessages(records: readonly QueueRecord[], deps: WriterDeps): Promise<WriterReport> {
  const now = deps.now();
  const rejected: WriterReport["rejected"] = [];
  const admitted: AdmittedRequest[] = [];
  for (const record of records) {
    const parsed = parseQueueMessage(record.body);
    if (!parsed.ok) {
      rejected.push({ messageId: record.messageId, reason: parsed.reason });
      continue;
    }
    const msg = parsed.value;
    if (msg.kind === "kamae.sync") continue;
    const requestId = msg.requestId ?? `sqs:${record.messageId}`;
    for (const address of msg.addresses) {
      const cidr = admitAddress(address, deps.policy);
      if (!cidr.ok) rejected.push({ messageId: record.messageId, address: address.slice(0, 100), reason: cidr.reason });
      else admitted.push({ cidr: cidr.value.text, version: cidr.value.version, requestId, request: msg } as AdmittedRequest);
    }
  }

  let actions: EntryAction[] = [];
  if (admitted.length > 0) {
    const existing = await deps.store.get(admitted.map((a) => a.cidr));
    const plan = planEntries(existing, admitted, now, deps.defaults);
    actions = plan.actions;
    await deps.store.put(plan.updates);
  }

  const { shards, notPlaced, blocked } = await reconcile(deps, now);
  deps.metric("BlockedAddresses", blocked.v4 + blocked.v6);
  deps.metric("AddressesNotPlaced", notPlaced.v4 + notPlaced.v6);
  deps.metric("RejectedRequests", rejected.length);
  deps.metric("IpSetWrites", shards.filter((s) => s.written).length);
  return { accountId: deps.target.accountId, region: deps.target.region, rejected, actions, shards, notPlaced, blocked };
}

/**
 * Brings every IP set in line with the table. The sets are read before the table: a set that another writer changed
 * after our read fails our write with a lock conflict, and one changed before our read was changed from a table state
 * our scan already includes. So after a conflict we read and plan again, and nothing another writer added is lost.
 */
async function reconcile(deps: WriterDeps, now: number): Promise<Pick<WriterReport, "shards" | "notPlaced" | "blocked">> {
  for (let round = 1; ; round++) {
    const contents: IpSetContents[] = [];
    for (const set of deps.sets) contents.push(await deps.writer.read(set));
    const wanted = (await deps.store.all()).filter((e) => isActive(e, now) && admitAddress(e.cidr, deps.policy).ok);
    const shards: ShardReport[] = [];
    const notPlaced = { v4: 0, v6: 0 };
    const blocked = { v4: 0, v6: 0 };
    let conflict = false;
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
      notPlaced[key] = plan.overflow.length;
      blocked[key] = family.length - plan.overflow.length;
      if (!conflict) await reportOverflow(deps, version, plan.overflow, indexes.length);
    }
    if (!conflict) return { shards, notPlaced, blocked };
    deps.metric("LockConflicts", 1);
    if (round >= deps.writer.maxAttempts) throw new Error(`IP sets kept changing under the writer (${round} lock conflicts); the batch will be retried`);
  }
}

async function reportOverflow(deps: WriterDeps, version: 4 | 6, overflow: readonly BlockEntry[], setCount: number): Promise<void> {
  const key = version === 4 ? "v4" : "v6";
  if (overflow.length === 0) {
    if (deps.notified) deps.notified[key] = 0;
    return;
  }
  if (deps.notified) {
    const last = deps.notified[key];
    if (last > 0 && Math.abs(overflow.length - last) < last / 10) return;
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
