import { strict as assert } from "node:assert";
import * as fc from "fast-check";
import { processMessages } from "../../components/waf-auto-block/lambda/block-writer";
import type { BlockEntry } from "../../components/waf-auto-block/lambda/block-store";
import { planShards } from "../../components/waf-auto-block/lambda/shard-plan";
import { writerConfig } from "../../components/waf-auto-block/lambda/settings";
import { BLOCK_TABLE, block, record, world } from "./writer-harness";

const ip = (i: number) => `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const messages = (addresses: string[], extra: Record<string, unknown> = {}) => {
  const out = [];
  for (let i = 0; i < addresses.length; i += 2000) out.push(record(block(addresses.slice(i, i + 2000), extra)));
  return out;
};

describe("WafAutoBlock writer: block requests → table → IP sets", () => {
  it("100 concurrent block requests from concurrent writers all end up in the IP set", async () => {
    const w = world();
    const addresses = Array.from({ length: 100 }, (_, i) => `185.220.101.${i + 1}`);
    // Every request in its own invocation with its own writer: the worst case (more than the one writer we deploy).
    await Promise.all(addresses.map((a) => w.deliver([record(block([a]))], w.deps())));
    assert.deepEqual(new Set(w.waf.contents(w.sets[0].id)), new Set(addresses.map((a) => `${a}/32`)));
    assert.ok(w.waf.calls.conflicts > 0, "the fake must have refused stale lock tokens");
    assert.ok(w.waf.calls.throttled > 0, "the fake must have throttled concurrent writers");
  });

  it("one writer coalesces a batch of 1,000 requests into one UpdateIPSet", async () => {
    const w = world();
    const batch = Array.from({ length: 1000 }, (_, i) => record(block([ip(i)])));
    const report = await w.deliver(batch);
    assert.equal(w.waf.calls.update, 1);
    assert.equal(w.waf.contents(w.sets[0].id).length, 1000);
    assert.equal(report.blocked.v4, 1000);
    assert.equal(report.actions.filter((a) => a.action === "block").length, 1000);
  });

  it("shards more than 10,000 addresses across IP sets and loses none", async () => {
    const w = world({ v4Shards: 3 });
    const addresses = Array.from({ length: 25_000 }, (_, i) => ip(i));
    const report = await w.deliver(messages(addresses));
    const sizes = w.sets.filter((s) => s.version === 4).map((s) => w.waf.contents(s.id).length);
    assert.ok(sizes.every((n) => n <= 10_000), `shard sizes ${sizes}`);
    assert.deepEqual(new Set(w.waf.all()), new Set(addresses.map((a) => `${a}/32`)));
    assert.equal(report.notPlaced.v4, 0);
    assert.equal(w.waf.calls.update, 3);
    // One more address rewrites one IP set, not three.
    await w.deliver([record(block(["185.220.101.1"]))]);
    assert.equal(w.waf.calls.update, 4);
  });

  it("past the hard limit keeps the highest-priority entries, says so, and places the rest when room frees up", async () => {
    const w = world({ v4Shards: 2, capacity: 1000 });
    const manual = Array.from({ length: 200 }, (_, i) => `185.220.${100 + (i >> 8)}.${i & 255}`);
    await w.deliver(messages(Array.from({ length: 1900 }, (_, i) => ip(i)), { source: "reputation", ttlMinutes: 60 }));
    const report = await w.deliver(messages(manual, { source: "manual", permanent: true }));
    assert.equal(report.notPlaced.v4, 100);
    const present = new Set(w.waf.all());
    assert.equal(present.size, 2000);
    for (const m of manual) assert.ok(present.has(`${m}/32`), `${m} (permanent, manual) must be kept`);
    assert.equal(w.notifications.length, 2);
    assert.match(w.notifications[0].subject, /IPv4 block list full in 123456789012\/us-east-1/);
    assert.match(w.notifications[0].message, /100 IPv4 addresses/);
    assert.match(w.notifications[1].subject, /100 blocked addresses evicted/, "the reputation entries pushed out are named");
    assert.equal(report.evicted.length, 100);
    assert.ok(w.metrics.some(([n, v]) => n === "AddressesNotPlaced" && v === 100));
    // The sweeper's next ticks do not repeat the notification while nothing changed (the metric still says it).
    const notified = { v4: 100, v6: 0 };
    await processMessages([record({ kind: "kamae.sync" })], w.deps({ notified }));
    assert.equal(w.notifications.length, 2);
    // Nothing is lost: all 2,100 are in the table; once the reputation entries expire the manual ones still hold.
    assert.equal(w.dynamo.rows(BLOCK_TABLE).length, 2100);
    w.clock.advance(61 * 60_000);
    const after = await w.deliver([record({ kind: "kamae.sync" })]);
    assert.equal(after.notPlaced.v4, 0);
    assert.deepEqual(new Set(w.waf.all()), new Set(manual.map((m) => `${m}/32`)));
  });

  it("canonicalises IPv6 (and IPv4-mapped IPv6), and WAF's own spelling causes no rewrite", async () => {
    const w = world();
    const report = await w.deliver([
      record(block(["2A00:1450:4001:0811:0000:0000:0000:200E", "2a00:1450:4001:811::200e/128", "::ffff:8.8.4.4", "2a03:2880:f12f::/48"], { source: "manual" })),
      record(block(["2a00:1450::1/32"], { source: "manual" })),
    ]);
    assert.deepEqual(new Set(w.waf.contents(w.sets[1].id)), new Set(["2a00:1450:4001:811::200e/128", "2a03:2880:f12f::/48"]));
    assert.deepEqual(w.waf.contents(w.sets[0].id), ["8.8.4.4/32"]);
    assert.ok(w.waf.sets.get(w.sets[1].id)!.addresses.includes("2A00:1450:4001:811:0:0:0:200E/128"), "WAF stores its own spelling");
    assert.ok(report.rejected.some((r) => r.address === "2a00:1450::1/32" && /host bits/.test(r.reason)));
    const updates = w.waf.calls.update;
    await w.deliver([record({ kind: "kamae.sync" })]);
    assert.equal(w.waf.calls.update, updates, "a sync with nothing changed writes nothing");
  });

  it("never blocks the allowlist or private and reserved ranges, and unblocks what becomes allowlisted", async () => {
    const w = world({ allowlist: ["8.8.8.0/24", "2001:4860:4860::8888/128"] });
    const report = await w.deliver([
      record(block(["8.8.8.8", "8.8.0.0/16", "10.1.2.3", "192.168.0.1", "100.64.1.1", "127.0.0.1", "169.254.169.254", "fd00::1", "fe80::1", "2001:4860:4860::8888", "16.0.0.0/4", "9.9.9.9"], { source: "manual" })),
    ]);
    assert.deepEqual(w.waf.all(), ["9.9.9.9/32"]);
    assert.equal(report.rejected.length, 11);
    assert.ok(report.rejected.find((r) => r.address === "8.8.0.0/16")!.reason.includes("allowlist"));
    assert.ok(report.rejected.find((r) => r.address === "10.1.2.3")!.reason.includes("private"));
    assert.ok(report.rejected.find((r) => r.address === "16.0.0.0/4")!.reason.includes("broader"));
    // An operator adds 9.9.9.0/24 to the allowlist: the next sync takes the entry out of WAF.
    const after = await processMessages([record({ kind: "kamae.sync" })], w.deps({ policy: world({ allowlist: ["9.9.9.0/24"] }).deps().policy }));
    assert.deepEqual(w.waf.all(), []);
    assert.equal(after.shards.find((s) => s.version === 4)!.removes, 1);
  });

  it("expires blocks on the sweeper's sync and re-blocks a returning address with its history", async () => {
    const w = world();
    await w.deliver([record(block(["45.33.32.156"], { ttlMinutes: 10, source: "honeypot" }))]);
    const first = w.dynamo.rows(BLOCK_TABLE)[0];
    w.clock.advance(5 * 60_000);
    await w.deliver([record({ kind: "kamae.sync" })]);
    assert.deepEqual(w.waf.all(), ["45.33.32.156/32"], "not yet expired");
    w.clock.advance(6 * 60_000);
    await w.deliver([record({ kind: "kamae.sync" })]);
    assert.deepEqual(w.waf.all(), []);
    w.clock.advance(60 * 60_000);
    const again = await w.deliver([record(block(["45.33.32.156"], { source: "access-log", reason: "errors 120/min" }))]);
    assert.deepEqual(w.waf.all(), ["45.33.32.156/32"]);
    assert.equal(again.actions[0].action, "block");
    const row = w.dynamo.rows(BLOCK_TABLE)[0];
    assert.equal(row.hitCount, 2);
    assert.equal(row.firstSeen, first.firstSeen);
    assert.equal(row.expiresAt, w.clock.now() + 240 * 60_000, "default block period of the access-log source");
    assert.equal(row.source, "access-log");
  });

  it("a longer block is never shortened, a permanent one never expires, and an unblock lifts both", async () => {
    const w = world();
    await w.deliver([record(block(["45.33.32.156"], { ttlMinutes: 600 }))]);
    await w.deliver([record(block(["45.33.32.156"], { ttlMinutes: 5 }))]);
    assert.equal(w.dynamo.rows(BLOCK_TABLE)[0].expiresAt, w.clock.now() + 600 * 60_000);
    await w.deliver([record(block(["45.33.32.156"], { permanent: true, source: "manual" }))]);
    w.clock.advance(400 * 24 * 60 * 60_000);
    await w.deliver([record({ kind: "kamae.sync" })]);
    assert.deepEqual(w.waf.all(), ["45.33.32.156/32"]);
    await w.deliver([record({ kind: "kamae.unblock", addresses: ["45.33.32.156"], reason: "false positive, ticket 42" })]);
    assert.deepEqual(w.waf.all(), []);
  });

  it("unblock, permanent, pinned and manual requests count only from the privileged senders SQS names; others are notified", async () => {
    const w = world();
    const workload = "AROAEXAMPLEWORKLOAD01:i-0123456789abcdef0";
    await w.deliver([record(block(["45.33.32.156"], { source: "guardduty" }), "m-ordinary", workload)]);
    assert.deepEqual(w.waf.all(), ["45.33.32.156/32"], "anyone the queue accepts may ask for an ordinary block");
    const forged = [
      record({ kind: "kamae.unblock", addresses: ["45.33.32.156"], reason: "let me in" }, "m-unblock", workload),
      record(block(["45.33.32.157"], { permanent: true }), "m-permanent", workload),
      record(block(["45.33.32.158"], { pinned: true, source: "manual" }), "m-pinned", workload),
      record(block(["45.33.32.159"], { source: "manual" }), "m-manual"),
    ];
    // The last one claims nothing but carries no sender at all.
    const report = await w.deliver([...forged.slice(0, 3), { ...forged[3], senderId: undefined }]);
    assert.deepEqual(report.rejected.map((r) => r.messageId), ["m-unblock", "m-permanent", "m-pinned", "m-manual"]);
    assert.deepEqual(w.waf.all(), ["45.33.32.156/32"], "nothing unblocked, nothing blocked for them");
    assert.match(w.notifications.at(-1)!.subject, /4 requests refused .*not from a configured privileged sender/);
    await w.deliver([record({ kind: "kamae.unblock", addresses: ["45.33.32.156"], reason: "false positive" })]);
    assert.deepEqual(w.waf.all(), [], "the operator's unblock counts");
  });

  it("duplicate deliveries and replayed events change nothing", async () => {
    const w = world();
    const msg = record(block(["45.33.32.156"], { requestId: "finding-abc@2026-11-23T00:00:00Z" }));
    await w.deliver([msg]);
    const updates = w.waf.calls.update;
    const rowBefore = w.dynamo.rows(BLOCK_TABLE)[0];
    w.clock.advance(60_000);
    const second = await w.deliver([msg]); // SQS redelivers the same message
    const third = await w.deliver([record(block(["45.33.32.156"], { requestId: "finding-abc@2026-11-23T00:00:00Z" }))]); // the feeder replays
    assert.equal(w.waf.calls.update, updates);
    assert.deepEqual(second.actions.map((a) => a.action), ["duplicate"]);
    assert.deepEqual(third.actions.map((a) => a.action), ["duplicate"]);
    assert.deepEqual(w.dynamo.rows(BLOCK_TABLE)[0], rowBefore);
    // The same address in the same batch twice (one event naming it twice) counts once.
    await w.deliver([record(block(["45.33.32.157", "45.33.32.157/32"], { requestId: "x" }))]);
    assert.equal(w.dynamo.rows(BLOCK_TABLE).find((r) => r.cidr === "45.33.32.157/32")!.hitCount, 1);
  });

  it("two queue messages naming the same address in one batch are read from the table once (DynamoDB refuses duplicate keys)", async () => {
    const w = world();
    const report = await w.deliver([record(block(["45.33.32.10"], { source: "guardduty" })), record(block(["45.33.32.10/32", "45.33.32.11"], { source: "reputation" }))]);
    assert.equal(w.dynamo.calls.batchGet, 1);
    assert.deepEqual(w.waf.contents(w.sets[0].id).sort(), ["45.33.32.10/32", "45.33.32.11/32"]);
    assert.equal(w.dynamo.rows(BLOCK_TABLE).find((r) => r.cidr === "45.33.32.10/32")!.hitCount, 2);
    assert.deepEqual(report.rejected, []);
  });

  it("rejects malformed and hostile messages with a reason, and still applies the good ones in the batch", async () => {
    const w = world();
    const report = await w.deliver([
      record("not json"),
      record("{}"),
      record("[1,2]"),
      record({ kind: "kamae.block", addresses: "45.33.32.1", source: "x", reason: "r" }),
      record({ kind: "kamae.block", addresses: [], source: "x", reason: "r" }),
      record({ kind: "kamae.block", addresses: [1234], source: "x", reason: "r" }),
      record({ kind: "kamae.block", addresses: ["45.33.32.2"], source: "Bad Source!", reason: "r" }),
      record({ kind: "kamae.block", addresses: ["45.33.32.3"], source: "x", reason: "r", ttlMinutes: -5 }),
      record({ kind: "kamae.block", addresses: ["45.33.32.4"], source: "x", reason: "r", permanent: "yes" }),
      record({ kind: "kamae.delete-everything", addresses: ["45.33.32.5"] }),
      record(`{"kind":"kamae.block","__proto__":{"source":"x"},"addresses":["45.33.32.6"],"reason":"r"}`),
      record("[".repeat(100_000)),
      record(block(["45.33.32.7; rm -rf /", "999.1.1.1", "45.33.32.8/33", "<script>alert(1)</script>", "a".repeat(10_000), " 45.33.32.9 "], { reason: "line\nbreak\u0000" })),
    ]);
    assert.deepEqual(w.waf.all(), ["45.33.32.9/32"]);
    assert.equal(report.rejected.filter((r) => r.address === undefined).length, 12);
    assert.equal(report.rejected.filter((r) => r.address !== undefined).length, 5);
    assert.ok(report.rejected.every((r) => r.reason.length > 0 && r.reason.length < 300));
    assert.equal(w.dynamo.rows(BLOCK_TABLE)[0].reason, "line break");
  });

  it("retries a lock conflict from another writer with a fresh token, keeping both changes' intent", async () => {
    const w = world();
    await w.deliver([record(block(["45.33.32.1"]))]);
    let edits = 0;
    w.waf.beforeUpdate = (set) => {
      if (edits++ === 0) w.waf.externalEdit(set.id, [...set.addresses, "46.1.1.1/32"]);
    };
    const report = await w.deliver([record(block(["45.33.32.2"]))]);
    assert.equal(w.waf.calls.conflicts, 1);
    // The writer owns the set: the out-of-band entry is not in the table, so the table's view wins (README: use the queue).
    assert.deepEqual(new Set(w.waf.all()), new Set(["45.33.32.1/32", "45.33.32.2/32"]));
    assert.ok(w.metrics.some(([n]) => n === "LockConflicts"));
    assert.equal(report.shards.find((s) => s.version === 4)!.written, true);
  });

  it("stays under the write rate: back-to-back batches are spaced, never throttled", async () => {
    const w = world();
    const start = w.clock.now();
    for (let i = 0; i < 5; i++) await w.deliver([record(block([`45.33.32.${i + 1}`]))]);
    assert.equal(w.waf.calls.throttled, 0);
    assert.equal(w.waf.calls.update, 5);
    assert.ok(w.clock.now() - start >= 4 * 1100);
  });

  it("fails the batch (so SQS redelivers it) when WAF refuses for good", async () => {
    const w = world();
    w.waf.sets.get(w.sets[0].id)!.name = "renamed-out-of-band";
    await assert.rejects(() => processMessages([record(block(["45.33.32.1"]))], w.deps()), /WAFNonexistentItemException|doesn’t exist/);
    assert.equal(w.dynamo.rows(BLOCK_TABLE).length, 1, "the request is recorded; the redelivery or next sync places it");
  });
});

describe("planShards (property)", () => {
  const entry = (i: number, hits: number): BlockEntry => ({
    cidr: `11.0.${i >> 8}.${i & 255}/32`, version: 4, firstSeen: 0, lastSeen: i, permanent: false, expiresAt: 1e15, reason: "", source: "guardduty", hitCount: hits, requestIds: [], revision: 0,
  });
  it("places every entry that fits, never exceeds capacity, keeps existing placement, overflows the lowest priority", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 5 })), { maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 60 }),
        (capacity, shards, wantedSpec, currentSpec) => {
          const wanted = [...new Map(wantedSpec.map(([i, h]) => [i, entry(i, h)])).values()];
          const current = Array.from({ length: shards }, (_, s) => [...new Set(currentSpec.filter((_, k) => k % shards === s))].slice(0, capacity).map((i) => entry(i, 1).cidr));
          const plan = planShards(wanted, current, capacity);
          const placed = plan.targets.flat();
          assert.equal(new Set(placed).size, placed.length, "no address twice");
          assert.ok(plan.targets.every((t) => t.length <= capacity));
          assert.equal(placed.length + plan.overflow.length, wanted.length);
          const minKeptHits = Math.min(...wanted.filter((e) => placed.includes(e.cidr)).map((e) => e.hitCount));
          assert.ok(plan.overflow.every((e) => e.hitCount <= minKeptHits));
          const wantedSet = new Set(wanted.map((e) => e.cidr));
          const overflowSet = new Set(plan.overflow.map((e) => e.cidr));
          current.forEach((shard, s) => shard.forEach((c) => {
            if (wantedSet.has(c) && !overflowSet.has(c) && current.findIndex((x) => x.includes(c)) === s) assert.ok(plan.targets[s].includes(c), "existing placement kept");
          }));
          plan.changed.forEach((ch, s) => assert.equal(ch, new Set(plan.targets[s]).size !== new Set(current[s]).size || plan.targets[s].some((c) => !current[s].includes(c))));
        },
      ),
    );
  });
});

describe("writer settings", () => {
  const base = { KAMAE_BLOCK_TABLE: "t", AWS_REGION: "eu-west-1", KAMAE_IP_SETS: '[{"name":"a","id":"b","scope":"REGIONAL","version":4}]' };
  it("fails at cold start with a message naming the variable", () => {
    assert.equal(writerConfig(base).wafRegion, "eu-west-1");
    assert.throws(() => writerConfig({ ...base, KAMAE_IP_SETS: "[]" }), /KAMAE_IP_SETS/);
    assert.throws(() => writerConfig({ ...base, KAMAE_IP_SETS: '[{"name":"a","id":"b","scope":"GLOBAL","version":4}]' }), /KAMAE_IP_SETS/);
    assert.throws(() => writerConfig({ ...base, KAMAE_ALLOWLIST: "10.0.0.0/8,banana" }), /KAMAE_ALLOWLIST/);
    assert.throws(() => writerConfig({ ...base, KAMAE_BLOCK_MINUTES: '{"honeypot":-1}' }), /KAMAE_BLOCK_MINUTES/);
    assert.throws(() => writerConfig({ ...base, KAMAE_IP_SET_CAPACITY: "20000" }), /KAMAE_IP_SET_CAPACITY/);
  });
});
