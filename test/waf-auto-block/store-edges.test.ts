import { strict as assert } from "node:assert";
import { GetIPSetCommand } from "@aws-sdk/client-wafv2";
import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoCounterStore } from "../../components/waf-auto-block/lambda/log-window";
import { IpSetWriter, sameMembers } from "../../components/waf-auto-block/lambda/ip-set-writer";
import type { BlockEntry } from "../../components/waf-auto-block/lambda/block-store";
import { planShards } from "../../components/waf-auto-block/lambda/shard-plan";
import { awsError, FakeClock } from "../harness/aws";
import { FakeDynamo, FakeWaf } from "./fakes";

// Edges of the WAF writer's stores that the scenario tests never reach.
describe("WAF auto-block stores: edges", () => {
  it("a shard plan needs room for at least one address per IP set", () => {
    assert.throws(() => planShards([], [[]], 0), /shard capacity must be at least 1/);
    assert.deepEqual(planShards([], [[]], 1).targets, [[]]);
  });

  describe("log-file claims (S3 may deliver one object's notification twice)", () => {
    let dynamo: FakeDynamo;
    beforeEach(() => (dynamo = new FakeDynamo({ counters: ["ip", "minute"] })));
    afterEach(() => dynamo.restore());

    it("claims a file once; a second claim is refused until the first is released", async () => {
      const store = new DynamoCounterStore(dynamo.client, "counters", new FakeClock().now);
      assert.equal(await store.claimFile("bucket/key@v1"), true);
      assert.equal(await store.claimFile("bucket/key@v1"), false);
      assert.equal(await store.claimFile("bucket/key@v2"), true);
      await store.releaseFile("bucket/key@v1");
      assert.equal(await store.claimFile("bucket/key@v1"), true);
    });

    it("lets any other DynamoDB error through", async () => {
      const store = new DynamoCounterStore(dynamo.client, "counters", new FakeClock().now);
      dynamo.failPut = () => awsError("ProvisionedThroughputExceededException", "Throughput exceeds the current capacity");
      await assert.rejects(store.claimFile("bucket/key"), { name: "ProvisionedThroughputExceededException" });
    });
  });

  it("refuses to write a set whose read returned no lock token", async () => {
    const clock = new FakeClock();
    const waf = new FakeWaf(clock);
    try {
      const set = waf.create("s", 4);
      // An answer WAF never gives: without a token no update can be made, so the writer stops there.
      (waf.mock as unknown as { on(c: typeof GetIPSetCommand): { resolves(v: unknown): void } }).on(GetIPSetCommand).resolves({ IPSet: { Name: set.name, Id: set.id, ARN: "arn", IPAddressVersion: "IPV4", Addresses: [] } });
      const writer = new IpSetWriter(waf.client, { now: clock.now, sleep: clock.sleep, random: () => 0, minWriteIntervalMs: 1100, maxAttempts: 2 });
      await assert.rejects(writer.read(set), /GetIPSet of s returned no IP set or lock token/);
    } finally {
      waf.restore();
    }
  });
});

describe("planShards: where addresses go", () => {
  const entry = (cidr: string, source: BlockEntry["source"] = "guardduty"): BlockEntry => ({ cidr, version: 4, firstSeen: 0, lastSeen: 0, expiresAt: 1, permanent: false, reason: "r", source, hitCount: 1, requestIds: [], revision: 0 });
  const A = "10.0.0.1/32", B = "10.0.0.2/32", C = "10.0.0.3/32", D = "10.0.0.4/32", E = "10.0.0.5/32", X = "10.0.0.9/32";
  const plan = (wanted: string[], current: string[][], capacity: number) => planShards(wanted.map((c) => entry(c)), current, capacity);

  it("keeps addresses where they are, and puts a new one in the first set with room when none changes anyway", () => {
    assert.deepEqual(plan([A, B, C], [[A], [B]], 2), { targets: [[A, C], [B]], changed: [true, false], adds: [1, 0], removes: [0, 0], overflow: [] });
  });

  it("puts a new address in a set that is rewritten anyway, so one write does both", () => {
    assert.deepEqual(plan([A, B, C], [[A], [B, X]], 2), { targets: [[A], [B, C]], changed: [false, true], adds: [0, 1], removes: [0, 1], overflow: [] });
    assert.deepEqual(plan([A, B, C], [[A, X], [B]], 2), { targets: [[A, C], [B]], changed: [true, false], adds: [1, 0], removes: [1, 0], overflow: [] });
  });

  it("falls back to the first set with room when the changed ones are full", () => {
    assert.deepEqual(plan([A, C, D, E], [[A, X], [C]], 2).targets, [[A, D], [C, E]]);
  });

  it("keeps an address held twice in one set only", () => {
    assert.deepEqual(plan([A], [[A], [A]], 2), { targets: [[A], []], changed: [false, true], adds: [0, 0], removes: [0, 1], overflow: [] });
  });

  it("leaves the lowest-priority entries out when they do not all fit", () => {
    const wanted = [entry(A, "reputation"), entry(B, "manual"), entry(C, "guardduty")];
    const p = planShards(wanted, [[A], []], 1);
    assert.deepEqual(p.overflow.map((e) => e.cidr), [A]);
    assert.deepEqual(p.targets, [[B], [C]]);
    assert.deepEqual(p.removes, [1, 0]);
  });
});

describe("IpSetWriter: conflicts and back-off", () => {
  let clock: FakeClock;
  let waf: FakeWaf;
  beforeEach(() => {
    clock = new FakeClock();
    waf = new FakeWaf(clock);
  });
  afterEach(() => waf.restore());

  it("rewrites a set read back with a repeated entry (not a set), even to the same list", () => {
    assert.equal(sameMembers(["10.0.0.1/32", "10.0.0.1/32"], ["10.0.0.1/32", "10.0.0.1/32"]), false);
    assert.equal(sameMembers(["10.0.0.2/32", "10.0.0.1/32"], ["10.0.0.1/32", "10.0.0.2/32"]), true);
  });

  it("reports a lock conflict as nothing written, after a pause of at least the write spacing", async () => {
    const set = waf.create("s", 4);
    const writer = new IpSetWriter(waf.client, { now: clock.now, sleep: clock.sleep, random: () => 0, minWriteIntervalMs: 1100, maxAttempts: 4 });
    const contents = await writer.read(set);
    waf.externalEdit(set.id, ["198.51.100.1/32"]);
    const before = clock.now();
    assert.deepEqual(await writer.write(set, ["203.0.113.1/32"], contents), { written: false, conflict: true, throttles: 0 });
    assert.ok(clock.now() - before >= 1100);
    assert.deepEqual(waf.contents(set.id), ["198.51.100.1/32"]);
  });

  it("backs off with full jitter under an exponential ceiling (capped at 20 s), never under the write spacing", async () => {
    const set = waf.create("s", 4);
    let throttles = 6;
    waf.fail = (op) => (op === "UpdateIPSet" && throttles-- > 0 ? awsError("ThrottlingException", "Rate exceeded") : undefined);
    const pauses: number[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
      await clock.sleep(ms);
    };
    const writer = new IpSetWriter(waf.client, { now: clock.now, sleep, random: () => 0.5, minWriteIntervalMs: 1000, maxAttempts: 8 });
    assert.deepEqual(await writer.write(set, ["203.0.113.1/32"], await writer.read(set)), { written: true, conflict: false, throttles: 6 });
    // Attempt k waits the spacing plus half (random 0.5) of min(20 s, spacing × 2^k); the spacing is then already met.
    assert.deepEqual(pauses, [1000 + 1000, 1000 + 2000, 1000 + 4000, 1000 + 8000, 1000 + 10_000, 1000 + 10_000]);
  });
});

describe("access-log counters in DynamoDB", () => {
  let dynamo: FakeDynamo;
  const clock = new FakeClock();
  beforeEach(() => (dynamo = new FakeDynamo({ counters: ["ip", "minute"] })));
  afterEach(() => dynamo.restore());

  it("keeps counter rows two days (late files) and file claims a week, as TTLs in epoch seconds", async () => {
    const store = new DynamoCounterStore(dynamo.client, "counters", clock.now);
    const hour = Math.floor(clock.now() / 3_600_000) * 60;
    const merged = await store.add("198.51.100.7", hour, [hour + 5, 3, 1]);
    assert.deepEqual([...merged], [[hour + 5, { requests: 3, errors: 1 }]]);
    await store.claimFile("b/k");
    const seconds = Math.floor(clock.now() / 1000);
    const [row, claim] = [dynamo.rows("counters").find((r) => r.ip === "198.51.100.7")!, dynamo.rows("counters").find((r) => r.ip === "file#b/k")!];
    assert.deepEqual([row.ttl, claim.ttl], [seconds + 2 * 86_400, seconds + 7 * 86_400]);
    assert.deepEqual([...(await store.hours("198.51.100.7", hour, hour))], [[hour + 5, { requests: 3, errors: 1 }]]);
    assert.deepEqual([...(await store.hours("198.51.100.7", hour + 60, hour + 120))], []);
  });

  it("the fake refuses expressions naming undefined or empty attribute names, and queries off the key schema", async () => {
    await assert.rejects(dynamo.client.send(new UpdateCommand({ TableName: "counters", Key: { ip: "a", minute: 0 }, UpdateExpression: "ADD #r1 :r SET #t = :t", ExpressionAttributeNames: { "#r1": "r1" }, ExpressionAttributeValues: { ":r": 1, ":t": 1 } })), { name: "ValidationException", message: /#t/ });
    await assert.rejects(dynamo.client.send(new UpdateCommand({ TableName: "counters", Key: { ip: "a", minute: 0 }, UpdateExpression: "ADD #r1 :r", ExpressionAttributeNames: { "#r1": "" }, ExpressionAttributeValues: { ":r": 1 } })), { name: "ValidationException", message: /Empty attribute name/ });
    const query = (names: Record<string, string>) => dynamo.client.send(new QueryCommand({ TableName: "counters", KeyConditionExpression: "#h = :h AND #r BETWEEN :from AND :to", ExpressionAttributeNames: names, ExpressionAttributeValues: { ":h": "a", ":from": 0, ":to": 1 } }));
    await assert.rejects(query({ "#h": "ip" }), { name: "ValidationException" });
    await assert.rejects(query({ "#h": "minute", "#r": "ip" }), { name: "ValidationException", message: /key schema/ });
    assert.deepEqual((await query({ "#h": "ip", "#r": "minute" })).Items, []);
  });
});
