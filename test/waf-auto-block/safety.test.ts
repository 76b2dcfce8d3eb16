import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { processMessages } from "../../components/waf-auto-block/lambda/block-writer";
import { decideBlocks, DEFAULT_EVENT_FEEDER } from "../../components/waf-auto-block/lambda/event-feeder";
import { parseReputationList } from "../../components/waf-auto-block/lambda/reputation";
import { writerConfig } from "../../components/waf-auto-block/lambda/settings";
import { awsError } from "../harness/aws";
import { BLOCK_TABLE, block, record, world } from "./writer-harness";

const FIXTURES = join(__dirname, "../../components/waf-auto-block/fixtures");
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
const ip = (i: number) => `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const chunks = (addresses: string[], extra: Record<string, unknown>) => {
  const out = [];
  for (let i = 0; i < addresses.length; i += 2000) out.push(record(block(addresses.slice(i, i + 2000), extra)));
  return out;
};
const rows = (w: ReturnType<typeof world>) => w.dynamo.rows(BLOCK_TABLE).filter((r) => !String(r.cidr).startsWith("breaker#"));

/** A port probe from `n` addresses, as GuardDuty reports a distributed scan. */
function portProbe(n: number) {
  const event = load("guardduty-port-probe.json");
  const template = event.detail.service.action.portProbeAction.portProbeDetails[0];
  event.detail.service.action.portProbeAction.portProbeDetails = Array.from({ length: n }, (_, i) => ({ ...template, remoteIpDetails: { ...template.remoteIpDetails, ipAddressV4: ip(i) } }));
  return event;
}

describe("WafAutoBlock under faults and hostile input (issue 18)", () => {
  describe("6. blast radius", () => {
    it("caps the addresses one finding may block and reports the rest", () => {
      const d = decideBlocks(portProbe(5000));
      assert.equal(d.requests.flatMap((r) => r.addresses).length, DEFAULT_EVENT_FEEDER.maxAddressesPerEvent);
      assert.ok(d.skipped.some((s) => /5000 remote addresses, the first 50 blocked, 4950 not/.test(s)));
    });

    it("a source past its breaker is recorded and notified, not blocked; the next window blocks a repeat", async () => {
      const w = world();
      const deps = w.deps({ breaker: { windowMinutes: 60, maxNewBlocks: { guardduty: 100 } } });
      const addresses = Array.from({ length: 300 }, (_, i) => ip(i));
      const report = await processMessages([record(block(addresses, { requestId: "gd:burst" }))], deps);
      assert.equal(w.waf.all().length, 100);
      assert.equal(report.actions.filter((a) => a.action === "held").length, 200);
      assert.equal(rows(w).length, 300, "every request is recorded");
      assert.ok(w.notifications.some((n) => /guardduty breaker open/.test(n.subject) && /200 addresses are recorded/.test(n.message)));
      // Still in the window: held addresses stay held, even on a sync.
      await processMessages([record({ kind: "kamae.sync" })], deps);
      assert.equal(w.waf.all().length, 100);
      // An hour later the same attacker seen again is blocked.
      w.clock.advance(61 * 60_000);
      await processMessages([record(block([ip(250)], { requestId: "gd:later" }))], deps);
      assert.ok(w.waf.all().includes(`${ip(250)}/32`));
    });

    it("concurrent writers share a source's breaker without failing: a lost race is decided again, never more than the limit admitted", async () => {
      const w = world();
      const limits = { breaker: { windowMinutes: 60, maxNewBlocks: { guardduty: 150 } } };
      const [a, b] = await Promise.all([
        processMessages([record(block(Array.from({ length: 100 }, (_, i) => ip(i)), { requestId: "gd:a" }))], w.deps(limits)),
        processMessages([record(block(Array.from({ length: 100 }, (_, i) => ip(1000 + i)), { requestId: "gd:b" }))], w.deps(limits)),
      ]);
      assert.ok(w.dynamo.calls.conditionFailures > 0, "the two writers raced on the breaker");
      assert.deepEqual([a.failedMessageIds, b.failedMessageIds], [[], []]);
      const held = [...a.actions, ...b.actions].filter((x) => x.action === "held").length;
      assert.equal(held, 50, "200 asked, 150 admitted across both writers");
      assert.equal(rows(w).length, 200, "every request is recorded");
      const breaker = w.dynamo.rows(BLOCK_TABLE).find((r) => r.cidr === "breaker#guardduty")!;
      assert.equal(breaker.changes.reduce((n: number, c: number | number[]) => n + (typeof c === "number" ? 1 : c[1]), 0), 150);
    });

    it("a breaker that stays contended (or DynamoDB fails it) retries only the messages of that source; the rest of the batch is done", async () => {
      const w = world();
      const deps = w.deps({ breaker: { windowMinutes: 60, maxNewBlocks: { guardduty: 100 } } });
      let outage = true;
      w.dynamo.fail = (op) => (outage && op === "GetItem" ? awsError("ProvisionedThroughputExceededException", "Throughput exceeded", { httpStatusCode: 400 }) : undefined);
      const gd = record(block([ip(1), ip(2)]));
      const manual = record(block(["185.220.101.7"], { source: "manual", requestId: "op:1" }));
      const report = await processMessages([gd, manual], deps);
      assert.deepEqual(report.failedMessageIds, [gd.messageId]);
      assert.ok(report.rejected.some((r) => r.messageId === gd.messageId && /guardduty breaker not settled: ProvisionedThroughputExceededException/.test(r.reason)));
      assert.deepEqual(w.waf.all(), ["185.220.101.7/32"], "the manual block (no breaker) is done");
      assert.equal(rows(w).length, 1, "nothing recorded for the unsettled source");
      outage = false;
      await processMessages([gd], deps);
      assert.deepEqual(w.waf.all().sort(), [`${ip(1)}/32`, `${ip(2)}/32`, "185.220.101.7/32"].sort());
    });

    it("reports evictions from a full set, and a pinned entry is never evicted", async () => {
      const w = world({ v4Shards: 1, capacity: 300 });
      await w.deliver([record(block(["185.220.101.1"], { source: "manual", pinned: true }))]);
      await w.deliver(chunks(Array.from({ length: 299 }, (_, i) => ip(i)), { source: "reputation" }));
      assert.equal(w.waf.all().length, 300);
      const report = await w.deliver(chunks(Array.from({ length: 300 }, (_, i) => `46.${i >> 8}.${i & 255}.9`), { source: "manual", permanent: true }));
      assert.equal(report.evicted.length, 299, "every reputation entry pushed out is named");
      assert.ok(w.waf.all().includes("185.220.101.1/32"), "the pinned entry stays");
      const notice = w.notifications.find((n) => /299 blocked addresses evicted/.test(n.subject));
      assert.ok(notice, "the eviction is notified");
      assert.match(notice.message, /reputation/);
    });

    it("refuses a pin from any source but a manual request", async () => {
      const w = world();
      const report = await w.deliver([record(block(["185.220.101.1"], { pinned: true }))]);
      assert.match(report.rejected[0].reason, /only manual requests may pin/);
      assert.deepEqual(w.waf.all(), []);
    });
  });

  describe("7. one bad message never sinks a batch", () => {
    it("refuses inherited-key sources alone and applies every good message of the batch", async () => {
      const w = world();
      const batch = [
        record(block(["45.33.32.156"]), "good-1"),
        ...["constructor", "__proto__", "toString", "hasOwnProperty"].map((source) => record(block(["45.33.32.157"], { source }), `bad-${source}`)),
        record(block(["45.33.32.158"], { source: "honeypot" }), "good-2"),
      ];
      const report = await processMessages(batch, w.deps());
      assert.deepEqual(w.waf.all().sort(), ["45.33.32.156/32", "45.33.32.158/32"]);
      assert.deepEqual(report.rejected.map((r) => r.messageId).sort(), ["bad-__proto__", "bad-constructor", "bad-hasOwnProperty", "bad-toString"]);
      assert.ok(report.rejected.every((r) => /source must be one of/.test(r.reason)));
      assert.deepEqual(report.failedMessageIds, []);
    });

    it("a row that cannot be written returns only its message for redelivery", async () => {
      const w = world();
      w.dynamo.failPut = (item) => (item.cidr === "45.33.32.157/32" ? awsError("ProvisionedThroughputExceededException", "Throughput exceeds the current capacity") : undefined);
      const report = await processMessages([record(block(["45.33.32.156"]), "m-ok"), record(block(["45.33.32.157"]), "m-throttled"), record(block(["45.33.32.158"]), "m-ok-2")], w.deps());
      assert.deepEqual(report.failedMessageIds, ["m-throttled"]);
      assert.deepEqual(w.waf.all().sort(), ["45.33.32.156/32", "45.33.32.158/32"]);
      w.dynamo.failPut = undefined;
      await processMessages([record(block(["45.33.32.157"]), "m-throttled")], w.deps());
      assert.ok(w.waf.all().includes("45.33.32.157/32"), "the redelivered message is applied");
    });

    it("refuses block periods or breaker limits keyed by an unknown source at cold start", () => {
      const env = { KAMAE_BLOCK_TABLE: "t", KAMAE_IP_SETS: JSON.stringify([{ name: "a", id: "i", scope: "REGIONAL", version: 4 }]), AWS_REGION: "us-east-1" };
      assert.throws(() => writerConfig({ ...env, KAMAE_BLOCK_MINUTES: JSON.stringify({ constructor: 5 }) }), /KAMAE_BLOCK_MINUTES.*not a source/);
      assert.throws(() => writerConfig({ ...env, KAMAE_BREAKER_NEW_BLOCKS: JSON.stringify({ __proto__x: 5 }) }), /KAMAE_BREAKER_NEW_BLOCKS/);
      assert.deepEqual(writerConfig(env).breaker.maxNewBlocks.guardduty, 200);
    });
  });

  describe("8. minimum prefix per source", () => {
    it("event feeders block single addresses only; reputation lists at most /16 unless configured; wider ones are notified", async () => {
      const w = world();
      const report = await w.deliver([
        record(block(["203.0.113.0/24"], { source: "guardduty" }), "gd"),
        record(block(["198.51.100.0/31"], { source: "honeypot" }), "hp"),
        record(block(["2a03:2880::/64"], { source: "access-log" }), "al"),
        record(block(["2.0.0.0/8", "5.6.0.0/16", "2a06:e480::/29", "2a00::/16"], { source: "reputation" }), "rep"),
        record(block(["4.0.0.0/8"], { source: "manual" }), "man"),
      ]);
      assert.deepEqual(w.waf.all().sort(), ["2a06:e480::/29", "4.0.0.0/8", "5.6.0.0/16"].sort());
      assert.deepEqual(report.rejected.map((r) => r.address).sort(), ["198.51.100.0/31", "2.0.0.0/8", "203.0.113.0/24", "2a00::/16", "2a03:2880::/64"].sort());
      assert.ok(report.rejected.every((r) => /broader than \/\d+, the shortest prefix \S+ may block/.test(r.reason)));
      assert.ok(w.notifications.some((n) => /5 networks too broad to block/.test(n.subject)));

      const wide = world();
      const policy = writerConfig({ KAMAE_BLOCK_TABLE: "t", KAMAE_IP_SETS: JSON.stringify([{ name: "a", id: "i", scope: "REGIONAL", version: 4 }]), AWS_REGION: "us-east-1", KAMAE_REPUTATION_MIN_PREFIX_V4: "8" }).policy;
      await wide.deliver([record(block(["2.0.0.0/8"], { source: "reputation" }))], wide.deps({ policy }));
      assert.deepEqual(wide.waf.all(), ["2.0.0.0/8"]);
    });

    it("a reputation list entry that blocks everything is refused where the list is parsed", () => {
      const list = parseReputationList("0.0.0.0/0 ; SBL1\n::/0\n1.10.16.0/20 ; SBL256894\n");
      assert.deepEqual(list.cidrs, ["1.10.16.0/20"]);
      assert.deepEqual(list.refused, ["0.0.0.0/0", "::/0"]);
    });
  });
});

describe("WafAutoBlock event feeder: sample findings are drills (issue 18, point 3)", () => {
  it("blocks nothing for a sample finding unless drills are opted in", () => {
    const event = load("guardduty-port-probe.json");
    event.detail.service.additionalInfo = { sample: true };
    const d = decideBlocks(event);
    assert.deepEqual(d.requests, []);
    assert.match(d.skipped[0], /sample finding/);
    assert.ok(decideBlocks(event, { ...DEFAULT_EVENT_FEEDER, actOnSampleFindings: true }).requests.length > 0);
  });
});
