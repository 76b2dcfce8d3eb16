import { strict as assert } from "node:assert";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { BlockRequest, UnblockRequest } from "../../components/waf-auto-block/lambda/block-request";
import { compareByPriority, DynamoBlockStore, isActive, isBlocking, planEntries, type AdmittedRequest, type BlockDefaults, type BlockEntry } from "../../components/waf-auto-block/lambda/block-store";
import { FakeClock } from "../harness/aws";
import { FakeDynamo } from "./fakes";

// The block table's rules, directly: what a block, an extension, an unblock and a replay make of a row, which rows
// win a full IP set, and how rows are read and written through DynamoDB (a stateful fake that refuses what DynamoDB
// refuses).
const NOW = Date.parse("2026-11-23T12:00:00Z");
const MIN = 60_000;
const defaults: BlockDefaults = { minutesBySource: { reputation: 1440 }, defaultMinutes: 240, historyDays: 30 };
const ttlOf = (ms: number) => Math.floor(ms / 1000) + 30 * 86_400;

const blockReq = (extra: Partial<BlockRequest> = {}): BlockRequest => ({ kind: "kamae.block", addresses: ["198.51.100.7"], source: "guardduty", reason: "Recon:EC2/Portscan", ...extra });
const unblockReq = (reason = "false positive"): UnblockRequest => ({ kind: "kamae.unblock", addresses: ["198.51.100.7"], reason });
const admitted = (request: BlockRequest | UnblockRequest, requestId = "r-new", cidr = "198.51.100.7/32"): AdmittedRequest => ({ cidr, version: 4, requestId, request }) as AdmittedRequest;
const row = (extra: Partial<BlockEntry> = {}): BlockEntry => ({
  cidr: "198.51.100.7/32",
  version: 4,
  firstSeen: NOW - 600 * MIN,
  lastSeen: NOW - 60 * MIN,
  expiresAt: NOW + 30 * MIN,
  permanent: false,
  reason: "earlier",
  source: "guardduty",
  hitCount: 3,
  requestIds: ["r-1"],
  revision: 5,
  ttl: ttlOf(NOW + 30 * MIN),
  ...extra,
});
const plan = (existing: BlockEntry[], requests: AdmittedRequest[]) => planEntries(new Map(existing.map((e) => [e.cidr, e])), requests, NOW, defaults);

describe("WAF block store", () => {
  describe("isActive and isBlocking", () => {
    it("a row blocks until its expiry (exclusive), a permanent one always, a held one never", () => {
      assert.equal(isActive(row({ expiresAt: NOW + 1 }), NOW), true);
      assert.equal(isActive(row({ expiresAt: NOW }), NOW), false);
      assert.equal(isActive(row({ expiresAt: undefined }), NOW), false);
      assert.equal(isActive(row({ expiresAt: NOW - 1, permanent: true }), NOW), true);
      assert.equal(isBlocking(row(), NOW), true);
      assert.equal(isBlocking(row({ held: true }), NOW), false);
      assert.equal(isBlocking(row({ expiresAt: NOW }), NOW), false);
    });
  });

  describe("planEntries", () => {
    it("blocks a new address for its source's period, with a TTL that keeps the history", () => {
      const { updates, actions } = plan([], [admitted(blockReq({ source: "reputation", reason: "list" }))]);
      assert.deepEqual(actions, [{ cidr: "198.51.100.7/32", action: "block", reason: "reputation: list", source: "reputation" }]);
      assert.deepEqual(updates, [
        { cidr: "198.51.100.7/32", version: 4, firstSeen: NOW, lastSeen: NOW, expiresAt: NOW + 1440 * MIN, permanent: false, reason: "list", source: "reputation", hitCount: 1, requestIds: ["r-new"], revision: 0, ttl: ttlOf(NOW + 1440 * MIN) },
      ]);
    });

    it("takes the request's period first, then the source's, then the default", () => {
      const expiry = (request: BlockRequest) => plan([], [admitted(request)]).updates[0].expiresAt;
      assert.equal(expiry(blockReq({ ttlMinutes: 15 })), NOW + 15 * MIN);
      assert.equal(expiry(blockReq({ source: "reputation", ttlMinutes: 15 })), NOW + 15 * MIN);
      assert.equal(expiry(blockReq()), NOW + 240 * MIN);
      // An inherited property is no setting.
      assert.equal(planEntries(new Map(), [admitted(blockReq({ source: "constructor" as never }))], NOW, defaults).updates[0].expiresAt, NOW + 240 * MIN);
    });

    it("extends an active block without ever shortening it, counting the hit and keeping the first sighting", () => {
      const longer = plan([row({ expiresAt: NOW + 500 * MIN })], [admitted(blockReq())]);
      assert.deepEqual(longer.actions.map((a) => a.action), ["extend"]);
      const e = longer.updates[0];
      assert.deepEqual([e.expiresAt, e.ttl, e.hitCount, e.firstSeen, e.lastSeen, e.revision, e.requestIds], [NOW + 500 * MIN, ttlOf(NOW + 500 * MIN), 4, NOW - 600 * MIN, NOW, 5, ["r-1", "r-new"]]);
      assert.equal(plan([row({ expiresAt: NOW + 30 * MIN })], [admitted(blockReq())]).updates[0].expiresAt, NOW + 240 * MIN);
    });

    it("blocks again an expired row for a full period, and a row held by a breaker as a new block", () => {
      const expired = plan([row({ expiresAt: NOW - MIN })], [admitted(blockReq({ ttlMinutes: 10 }))]);
      assert.deepEqual([expired.actions[0].action, expired.updates[0].expiresAt, expired.updates[0].hitCount], ["block", NOW + 10 * MIN, 4]);
      const held = plan([row({ held: true, expiresAt: NOW + 500 * MIN })], [admitted(blockReq())]);
      assert.equal(held.actions[0].action, "block");
      assert.equal(held.updates[0].held, undefined);
      assert.equal(held.updates[0].expiresAt, NOW + 500 * MIN);
    });

    it("keeps a permanent block permanent, with no expiry and no TTL, whatever a later request asks", () => {
      const made = plan([], [admitted(blockReq({ source: "manual", permanent: true }))]).updates[0];
      assert.deepEqual([made.permanent, made.expiresAt, made.ttl], [true, undefined, undefined]);
      const kept = plan([row({ permanent: true, expiresAt: undefined, ttl: undefined })], [admitted(blockReq({ ttlMinutes: 5 }))]);
      assert.deepEqual([kept.actions[0].action, kept.updates[0].permanent, kept.updates[0].expiresAt, kept.updates[0].ttl], ["extend", true, undefined, undefined]);
    });

    it("pins a row when asked, and a pinned row stays pinned", () => {
      assert.equal(plan([], [admitted(blockReq({ source: "manual", pinned: true }))]).updates[0].pinned, true);
      assert.equal(plan([row({ pinned: true })], [admitted(blockReq())]).updates[0].pinned, true);
      assert.equal("pinned" in plan([row()], [admitted(blockReq({ pinned: false }))]).updates[0], false);
    });

    it("changes nothing for a request id it already applied", () => {
      const { updates, actions } = plan([row()], [admitted(blockReq(), "r-1"), admitted(unblockReq(), "r-1")]);
      assert.deepEqual(updates, []);
      assert.deepEqual(actions, [
        { cidr: "198.51.100.7/32", action: "duplicate", reason: "request r-1 already applied" },
        { cidr: "198.51.100.7/32", action: "duplicate", reason: "request r-1 already applied" },
      ]);
    });

    it("keeps the latest 20 request ids", () => {
      const ids = Array.from({ length: 20 }, (_, i) => `r-${i}`);
      assert.deepEqual(plan([row({ requestIds: ids })], [admitted(blockReq())]).updates[0].requestIds, [...ids.slice(1), "r-new"]);
    });

    it("unblocks an active row at once, keeping it as history, and says why", () => {
      const long = `${"x".repeat(300)}`;
      const { updates, actions } = plan([row({ permanent: true, expiresAt: undefined })], [admitted(unblockReq(long))]);
      assert.deepEqual(actions, [{ cidr: "198.51.100.7/32", action: "unblock", reason: long }]);
      const e = updates[0];
      assert.deepEqual([e.permanent, e.expiresAt, e.ttl, e.requestIds, e.hitCount, e.revision], [false, NOW, ttlOf(NOW), ["r-1", "r-new"], 3, 5]);
      assert.equal(e.reason, `unblocked: ${long}`.slice(0, 256));
      assert.equal(isActive(e, NOW), false);
    });

    it("unblocks nothing that is not blocked, but records the request on an existing row so its replay is a duplicate", () => {
      const none = plan([], [admitted(unblockReq())]);
      assert.deepEqual(none, { updates: [], actions: [{ cidr: "198.51.100.7/32", action: "not-blocked", reason: "nothing to unblock" }] });
      const expired = plan([row({ expiresAt: NOW - MIN })], [admitted(unblockReq())]);
      assert.deepEqual(expired.actions, [{ cidr: "198.51.100.7/32", action: "not-blocked", reason: "nothing to unblock" }]);
      assert.deepEqual(expired.updates, [{ ...row({ expiresAt: NOW - MIN }), requestIds: ["r-1", "r-new"] }]);
    });

    it("applies a batch's requests in order, one row per address", () => {
      const { updates, actions } = plan([], [admitted(blockReq(), "a"), admitted(unblockReq(), "b"), admitted(blockReq(), "c", "203.0.113.9/32")]);
      assert.deepEqual(actions.map((a) => `${a.cidr} ${a.action}`), ["198.51.100.7/32 block", "198.51.100.7/32 unblock", "203.0.113.9/32 block"]);
      assert.deepEqual(updates.map((u) => [u.cidr, u.requestIds, u.expiresAt]), [["198.51.100.7/32", ["a", "b"], NOW], ["203.0.113.9/32", ["c"], NOW + 240 * MIN]]);
    });
  });

  describe("compareByPriority", () => {
    it("keeps pinned, then permanent, then by source, hits, recency, and address", () => {
      const e = (cidr: string, extra: Partial<BlockEntry>) => row({ cidr, hitCount: 1, lastSeen: NOW, ...extra });
      const entries = [
        e("10.0.0.9/32", { source: "reputation" }),
        e("10.0.0.8/32", { source: "access-log" }),
        e("10.0.0.7/32", { source: "guardduty" }),
        e("10.0.0.6/32", { source: "honeypot" }),
        e("10.0.0.5/32", { source: "manual" }),
        e("10.0.0.4/32", { source: "reputation", permanent: true }),
        e("10.0.0.3/32", { source: "reputation", pinned: true }),
        e("10.0.0.2/32", { source: "reputation", hitCount: 2 }),
        e("10.0.0.1/32", { source: "reputation", lastSeen: NOW + 1 }),
        e("10.0.0.0/32", { source: "reputation" }),
      ];
      assert.deepEqual(
        [...entries].sort(compareByPriority).map((x) => x.cidr),
        ["10.0.0.3/32", "10.0.0.4/32", "10.0.0.5/32", "10.0.0.6/32", "10.0.0.7/32", "10.0.0.8/32", "10.0.0.2/32", "10.0.0.1/32", "10.0.0.0/32", "10.0.0.9/32"],
      );
      assert.equal(compareByPriority(e("10.0.0.1/32", {}), e("10.0.0.1/32", {})), 0);
      assert.ok(compareByPriority(e("10.0.0.2/32", {}), e("10.0.0.1/32", {})) > 0);
      // Deep Security and GuardDuty rank alike.
      assert.ok(compareByPriority(e("10.0.0.1/32", { source: "deep-security" }), e("10.0.0.2/32", { source: "guardduty" })) < 0);
    });
  });

  describe("DynamoBlockStore", () => {
    const TABLE = "blocks";
    let dynamo: FakeDynamo;
    let clock: FakeClock;
    let store: DynamoBlockStore;
    beforeEach(() => {
      dynamo = new FakeDynamo({ [TABLE]: ["cidr"] });
      clock = new FakeClock();
      store = new DynamoBlockStore(dynamo.client, TABLE, clock.sleep);
    });
    afterEach(() => dynamo.restore());
    const putRaw = (item: Record<string, unknown>) => dynamo.client.send(new PutCommand({ TableName: TABLE, Item: item }));

    it("reads every key, 100 per call, retrying the unprocessed ones with a growing wait", async () => {
      const cidrs = Array.from({ length: 250 }, (_, i) => `10.0.${i}.1/32`);
      for (const cidr of cidrs) await putRaw({ ...row({ cidr }) });
      dynamo.batchGetServes = 30;
      const waits: number[] = [];
      const spied = new DynamoBlockStore(dynamo.client, TABLE, async (ms) => {
        waits.push(ms);
      });
      const got = await spied.get([...cidrs, cidrs[0]]);
      assert.equal(got.size, 250);
      assert.deepEqual(got.get(cidrs[7]), row({ cidr: cidrs[7] }));
      assert.ok(waits.length > 0, "the unprocessed keys were retried after a wait");
    });

    it("gives up with an error when DynamoDB keeps every key unprocessed", async () => {
      dynamo.batchGetServes = 0;
      const start = clock.now();
      await assert.rejects(store.get(["10.0.0.1/32", "10.0.0.2/32"]), /DynamoDB left 2 keys unprocessed after retries/);
      assert.equal(dynamo.calls.batchGet, 9);
      assert.ok(clock.now() - start >= 8 * 100, "it waited between attempts");
    });

    it("reads a row edited by hand with defaults, and skips what is not a row (no address, no family)", async () => {
      await putRaw({ cidr: "10.0.0.1/32", version: 4, reason: 7, source: "someone", requestIds: ["a", 1, "b"], hitCount: "many" });
      await putRaw({ cidr: "10.0.0.2/32", version: 5 });
      await putRaw({ cidr: "breaker#guardduty", revision: 3, count: 2 });
      const expected: BlockEntry = { cidr: "10.0.0.1/32", version: 4, firstSeen: 0, lastSeen: 0, expiresAt: undefined, permanent: false, reason: "", source: "manual", hitCount: 1, requestIds: ["a", "b"], revision: 0, ttl: undefined };
      assert.deepEqual([...(await store.get(["10.0.0.1/32", "10.0.0.2/32", "breaker#guardduty"])).values()], [expected]);
      assert.deepEqual(await store.all(), [expected]);
      await putRaw({ cidr: "10.0.0.3/32", version: 6, requestIds: "r-1", held: true, pinned: "yes" });
      const v6 = (await store.get(["10.0.0.3/32"])).get("10.0.0.3/32")!;
      assert.deepEqual([v6.requestIds, v6.held, "pinned" in v6], [[], true, false]);
    });

    it("scans every page", async () => {
      dynamo.scanPageSize = 3;
      for (let i = 0; i < 8; i++) await putRaw({ ...row({ cidr: `10.0.${i}.1/32` }) });
      assert.equal((await store.all()).length, 8);
    });

    it("writes a row at the revision read, leaving out what a permanent row does not have, and names the rows that lost a race", async () => {
      assert.deepEqual(await store.put([row({ revision: 0, permanent: true, expiresAt: undefined, ttl: undefined })]), []);
      const stored = dynamo.rows(TABLE)[0];
      assert.equal(stored.revision, 1);
      assert.equal("expiresAt" in stored || "ttl" in stored, false);
      const failed = await store.put([row({ revision: 0 }), row({ cidr: "10.0.0.1/32", revision: 0 })]);
      assert.deepEqual(failed, [{ cidr: "198.51.100.7/32", error: "ConditionalCheckFailedException: The conditional request failed" }]);
      assert.deepEqual(await store.put([row({ revision: 1 })]), []);
    });
  });
});
