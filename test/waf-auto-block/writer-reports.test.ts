import { strict as assert } from "node:assert";
import { processMessages } from "../../components/waf-auto-block/lambda/block-writer";
import { awsError } from "../harness/aws";
import { BLOCK_TABLE, block, record, world } from "./writer-harness";

// What the writer reports (batch report, metrics) and tells a human (notifications), and the limits of its retries:
// the figures an operator's dashboards and alarms read, and the text they act on.
const ip = (i: number) => `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const ip6 = (i: number) => `2a00:1450:4001:811::${(i + 1).toString(16)}`;
const WHERE = "123456789012/us-east-1";
const metric = (w: ReturnType<typeof world>, name: string) => w.metrics.filter(([n]) => n === name).map(([, v]) => v);
const lines = (w: ReturnType<typeof world>, subject: RegExp) => {
  const found = w.notifications.filter((n) => subject.test(n.subject));
  assert.equal(found.length, 1, `one notification matching ${subject}, got ${w.notifications.map((n) => n.subject).join(" | ")}`);
  return found[0].message.split("\n");
};

describe("WafAutoBlock writer: refusals are reported and told", () => {
  it("a refused privileged request names what was asked and the sender SQS reported; the notice lists the first 20", async () => {
    const w = world();
    const workload = "AROAEXAMPLEWORKLOAD01:i-0123456789abcdef0";
    const forged = Array.from({ length: 22 }, (_, i) => record(block([ip(i)], { source: "manual" }), `m-manual-${i}`, workload));
    const report = await processMessages(
      [
        record({ kind: "kamae.unblock", addresses: ["45.33.32.156"], reason: "let me in" }, "m-unblock", workload),
        { ...record(block(["45.33.32.157"], { permanent: true }), "m-anonymous"), senderId: undefined },
        ...forged,
        record(block(["10.1.2.3"], { source: "manual" }), "m-private"), // refused for another reason: not in this notice
      ],
      w.deps(),
    );
    const reason = (id: string) => report.rejected.find((r) => r.messageId === id)!.reason;
    assert.match(reason("m-unblock"), /^unblock from AROAEXAMPLEWORKLOAD01:i-0123456789abcdef0: not from a configured privileged sender/);
    assert.match(reason("m-manual-0"), /^permanent, pinned or manual block from AROAEXAMPLEWORKLOAD01:i-0123456789abcdef0: /);
    assert.match(reason("m-anonymous"), /^permanent, pinned or manual block from an unknown sender: /);
    assert.match(reason("m-private"), /private/);
    assert.deepEqual(w.waf.all(), []);

    assert.match(w.notifications.find((n) => /requests refused/.test(n.subject))!.subject, new RegExp(`^Kamae WafAutoBlock: 24 requests refused in ${WHERE}: not from a configured privileged sender$`));
    const notice = lines(w, /requests refused/);
    assert.match(notice[0], /privilegedSenderArns/, "says how to send them so they count");
    const refused = report.rejected.filter((r) => r.messageId !== "m-private");
    assert.equal(notice.length, 1 + 20, "the first 20 refused requests, one a line");
    notice.slice(1).forEach((line, i) => assert.equal(line, `${refused[i].messageId}: ${refused[i].reason}`));
  });

  it("networks too broad for their source are told with the count, where, and the first 20 with their reasons", async () => {
    const w = world();
    const networks = Array.from({ length: 22 }, (_, i) => `203.0.${i}.0/24`);
    const report = await processMessages([record(block(networks, { source: "guardduty" })), record(block(["10.1.2.3", "45.33.32.1"], { source: "guardduty" }))], w.deps());
    assert.deepEqual(w.waf.all(), ["45.33.32.1/32"]);
    assert.equal(report.rejected.length, 23);
    assert.equal(w.notifications.length, 1, "a private address is refused in the report only");
    assert.equal(w.notifications[0].subject, `Kamae WafAutoBlock: 22 networks too broad to block in ${WHERE}`);
    const notice = lines(w, /too broad/);
    assert.match(notice[0], /first 20/);
    assert.deepEqual(
      notice.slice(1),
      networks.slice(0, 20).map((n) => `${n}: ${n} is broader than /32, the shortest prefix guardduty may block`),
    );
  });

  it("an unblock is held to a manual request's minimum prefix; its reason and the notice say it was an unblock", async () => {
    const w = world();
    const report = await w.deliver([record({ kind: "kamae.unblock", addresses: ["16.0.0.0/4"], reason: "cleanup" })]);
    assert.equal(report.rejected[0].reason, "unblock refused: 16.0.0.0/4 is broader than /8, the shortest prefix manual may block");
    assert.equal(w.notifications[0].subject, `Kamae WafAutoBlock: 1 networks too broad to unblock in ${WHERE}`);
  });

  it("a notice of broad networks from blocks and unblocks alike says both", async () => {
    const w = world();
    await w.deliver([record({ kind: "kamae.unblock", addresses: ["16.0.0.0/4"], reason: "cleanup" }), record(block(["203.0.113.0/24"], { source: "guardduty" }), "m-block")]);
    assert.equal(w.notifications[0].subject, `Kamae WafAutoBlock: 2 networks too broad to block or unblock in ${WHERE}`);
    assert.deepEqual(lines(w, /too broad/).slice(1), [
      "16.0.0.0/4: unblock refused: 16.0.0.0/4 is broader than /8, the shortest prefix manual may block",
      "203.0.113.0/24: 203.0.113.0/24 is broader than /32, the shortest prefix guardduty may block",
    ]);
  });

  it("a rejected address is cut to 100 characters in the report", async () => {
    const w = world();
    const report = await w.deliver([record(block(["a".repeat(10_000)]))]);
    assert.equal(report.rejected[0].address, "a".repeat(100));
  });
});

describe("WafAutoBlock writer: rows that cannot be recorded", () => {
  it("an address whose source's breaker is not settled has no action in the report, and both messages asking for a failed row are named", async () => {
    const w = world();
    const deps = w.deps({ breaker: { windowMinutes: 60, maxNewBlocks: { guardduty: 100 } } });
    w.dynamo.fail = (op) => (op === "GetItem" ? awsError("InternalServerError", `DynamoDB is down ${"!".repeat(2000)}`, { httpStatusCode: 500 }) : undefined);
    w.dynamo.failPut = (item) => (item.cidr === "185.220.101.8/32" ? awsError("ProvisionedThroughputExceededException", "Throughput exceeds the current capacity") : undefined);
    const report = await processMessages(
      [record(block([ip(1)]), "m-gd"), record(block(["185.220.101.7", "185.220.101.8"], { source: "manual" }), "m-a"), record(block(["185.220.101.8"], { source: "manual", requestId: "op:2" }), "m-b")],
      deps,
    );
    assert.deepEqual(report.actions.map((a) => [a.cidr, a.action]), [["185.220.101.7/32", "block"], ["185.220.101.8/32", "block"], ["185.220.101.8/32", "extend"]], "nothing is reported done for the unsettled address");
    assert.deepEqual(report.failedMessageIds.sort(), ["m-a", "m-b", "m-gd"]);
    const unsettled = report.rejected.find((r) => r.address === `${ip(1)}/32`)!;
    assert.match(unsettled.reason, /^not recorded, will be retried: guardduty breaker not settled: InternalServerError: DynamoDB is down !/);
    assert.ok(unsettled.reason.length <= 340, `a failing dependency's long message is cut (${unsettled.reason.length} characters)`);
    assert.deepEqual(report.rejected.find((r) => r.address === "185.220.101.8/32")!.messageId.split(","), ["m-a", "m-b"]);
  });
});

describe("WafAutoBlock writer: breaker", () => {
  const limits = (max: number) => ({ breaker: { windowMinutes: 60, maxNewBlocks: { guardduty: max } } });

  it("only new blocks count: a repeat of a blocked address extends it, stays blocked, and leaves room for a new one", async () => {
    const w = world();
    const deps = w.deps(limits(3));
    await processMessages([record(block([ip(1), ip(2)], { requestId: "gd:1" }))], deps);
    const report = await processMessages([record(block([ip(1), ip(2), ip(3)], { requestId: "gd:2" }))], deps);
    assert.deepEqual(report.actions.map((a) => a.action), ["extend", "extend", "block"]);
    assert.deepEqual(w.waf.all().sort(), [ip(1), ip(2), ip(3)].map((a) => `${a}/32`).sort());
    assert.deepEqual(w.notifications, []);
    assert.deepEqual(metric(w, "BreakerHeld"), [], "nothing held, nothing counted");
  });

  it("the window lasts its minutes: a new block half-way through is held, one after it is placed", async () => {
    const w = world();
    const deps = w.deps(limits(2));
    await processMessages([record(block([ip(1), ip(2)]))], deps);
    w.clock.advance(30 * 60_000);
    const held = await processMessages([record(block([ip(3)]))], deps);
    assert.deepEqual(held.actions.map((a) => a.action), ["held"]);
    w.clock.advance(31 * 60_000);
    const placed = await processMessages([record(block([ip(4)]))], deps);
    assert.deepEqual(placed.actions.map((a) => a.action), ["block"]);
    assert.deepEqual(w.waf.all().sort(), [ip(1), ip(2), ip(4)].map((a) => `${a}/32`).sort());
  });

  it("an open breaker is measured and told: how many, the limit and window, what to do, and the first 20 held", async () => {
    const w = world();
    const report = await processMessages([record(block(Array.from({ length: 25 }, (_, i) => ip(i))))], w.deps(limits(3)));
    const held = report.actions.filter((a) => a.action === "held").map((a) => a.cidr);
    assert.equal(held.length, 22);
    assert.ok(held.every((c) => !w.waf.all().includes(c)));
    assert.deepEqual(metric(w, "BreakerHeld"), [22]);
    assert.equal(w.notifications[0].subject, `Kamae WafAutoBlock: guardduty breaker open in ${WHERE}`);
    const notice = lines(w, /breaker open/);
    assert.equal(notice[0], "guardduty asked for more than 3 new blocks in 60 minutes: 22 addresses are recorded in the block table but not blocked.");
    assert.match(notice[1], /manual request/, "says how to block them anyway");
    assert.equal(notice[2], `Held (first 20): ${held.slice(0, 20).join(", ")}`);
    assert.equal(notice.length, 3);
  });
});

describe("WafAutoBlock writer: counts and metrics", () => {
  it("counts both families, places what fits, and writes only the IP sets that change", async () => {
    const w = world({ capacity: 2 });
    const first = await w.deliver([record(block([ip(1), ip6(1), ip6(2), ip6(3)], { source: "manual" }))]);
    assert.deepEqual(first.blocked, { v4: 1, v6: 2 });
    assert.deepEqual(first.notPlaced, { v4: 0, v6: 1 });
    assert.deepEqual(metric(w, "BlockedAddresses"), [3]);
    assert.deepEqual(metric(w, "AddressesNotPlaced"), [1]);
    assert.deepEqual(metric(w, "IpSetWrites"), [2]);

    const second = await w.deliver([record(block([ip(2)], { source: "manual" }))]);
    assert.deepEqual(second.shards, [
      { name: "kamae-v4-0", version: 4, size: 2, adds: 1, removes: 0, written: true, conflict: false },
      { name: "kamae-v6-0", version: 6, size: 2, adds: 0, removes: 0, written: false, conflict: false },
    ]);
    assert.deepEqual(metric(w, "IpSetWrites"), [2, 1]);
    const sync = await w.deliver([record({ kind: "kamae.sync" })]);
    assert.deepEqual(sync.actions, []);
    assert.ok(sync.shards.every((s) => !s.written && !s.conflict));
    assert.deepEqual(metric(w, "IpSetWrites"), [2, 1, 0]);
    assert.deepEqual(metric(w, "BlockedAddresses"), [3, 4, 4]);
  });
});

describe("WafAutoBlock writer: lock conflicts", () => {
  it("gives up after the writer's attempts when the IP set keeps changing, and the batch is retried", async () => {
    const w = world();
    w.waf.beforeUpdate = (set) => w.waf.externalEdit(set.id, [...set.addresses, "46.1.1.1/32"]);
    await assert.rejects(() => processMessages([record(block(["45.33.32.1"]))], w.deps()), /^Error: IP sets kept changing under the writer \(8 lock conflicts\); the batch will be retried$/);
    assert.equal(w.waf.calls.conflicts, 8);
    assert.deepEqual(metric(w, "LockConflicts"), Array(8).fill(1));
  });

  it("a full list is told once when its first write loses a lock conflict", async () => {
    const w = world({ capacity: 2 });
    let edits = 0;
    w.waf.beforeUpdate = (set) => {
      if (edits++ === 0) w.waf.externalEdit(set.id, ["46.1.1.1/32"]);
    };
    const report = await processMessages([record(block([ip(1), ip(2), ip(3)]))], w.deps());
    assert.equal(w.waf.calls.conflicts, 1);
    assert.equal(report.notPlaced.v4, 1);
    assert.equal(w.notifications.filter((n) => /block list full/.test(n.subject)).length, 1);
  });
});

describe("WafAutoBlock writer: evictions and a full list", () => {
  it("names every evicted address in the report and the first 20 in the notice, with source and permanence", async () => {
    const w = world({ capacity: 22 });
    await w.deliver([record(block([ip(100), ip(101)], { source: "reputation" })), record(block(Array.from({ length: 20 }, (_, i) => ip(i)), { source: "manual", permanent: true }))]);
    assert.equal(w.waf.all().length, 22);
    const report = await w.deliver([record(block(Array.from({ length: 21 }, (_, i) => ip(200 + i)), { source: "manual", pinned: true }))]);
    const gone = [ip(100), ip(101), ...Array.from({ length: 20 }, (_, i) => ip(i))].map((a) => `${a}/32`).filter((c) => !w.waf.all().includes(c));
    assert.equal(gone.length, 21);
    assert.deepEqual([...report.evicted].sort(), gone.sort());
    assert.equal(w.notifications.at(-1)!.subject, `Kamae WafAutoBlock: 21 blocked addresses evicted in ${WHERE}`);
    const notice = lines(w, /evicted/);
    assert.match(notice[0], /^21 addresses were blocked .* stay recorded and return when room frees up/);
    assert.match(notice[1], /"pinned":true/, "says how to keep an address blocked");
    const label = (c: string) => (c.startsWith("11.0.0.10") && c.length === 13 ? `${c} (reputation)` : `${c} (manual, permanent)`);
    assert.equal(notice[2], `Evicted (first 20): ${report.evicted.slice(0, 20).map(label).join(", ")}`);
    assert.ok(notice[2].includes("(reputation)") && notice[2].includes("(manual, permanent)"));
    assert.equal(notice.length, 3);
  });

  it("a full list is told when it first overflows, again when the overflow moves by a tenth, and again after it cleared", async () => {
    const w = world({ capacity: 10 });
    const notified = { v4: 0, v6: 0 };
    const deps = w.deps({ notified });
    const full = () => w.notifications.filter((n) => /block list full/.test(n.subject));
    const rep = (from: number, n: number) => processMessages([record(block(Array.from({ length: n }, (_, i) => ip(from + i)), { source: "reputation" }))], deps);

    await rep(0, 110);
    assert.equal(full().length, 1);
    assert.deepEqual(notified, { v4: 100, v6: 0 });
    assert.equal(full()[0].subject, `Kamae WafAutoBlock: IPv4 block list full in ${WHERE}`);
    const notice = full()[0].message.split("\n");
    assert.equal(notice[0], "100 IPv4 addresses that should be blocked do not fit in the 1 IP set(s) of 10 entries.");
    assert.match(notice[1], /rest stay recorded .* placed as soon as room frees up/);
    assert.match(notice[2], /maxAddresses/, "says how to make room");
    const sample = notice[3].replace("Not placed (first 20, lowest priority last): ", "").split(/(?<=hits\)), /);
    assert.equal(sample.length, 20);
    for (const s of sample) {
      const [, cidr] = /^(\S+) \(reputation, 1 hits\)$/.exec(s)!;
      assert.ok(!w.waf.all().includes(cidr), `${cidr} is not placed`);
    }

    await rep(1000, 9); // 109 not placed: within a tenth of 100
    assert.equal(full().length, 1);
    await rep(2000, 1); // 110: a tenth more
    assert.equal(full().length, 2);
    assert.deepEqual(notified, { v4: 110, v6: 0 });

    w.clock.advance(1441 * 60_000); // every reputation block expires
    await processMessages([record({ kind: "kamae.sync" })], deps);
    assert.deepEqual(notified, { v4: 0, v6: 0 });
    await rep(3000, 120); // the same overflow as last told, but after it cleared
    assert.equal(full().length, 3);
  });

  it("keeps an IPv6 overflow's notice apart from IPv4's", async () => {
    const w = world({ capacity: 10 });
    const notified = { v4: 0, v6: 0 };
    const deps = w.deps({ notified });
    await processMessages([record(block(Array.from({ length: 15 }, (_, i) => ip6(i)), { source: "manual" }))], deps);
    assert.deepEqual(notified, { v4: 0, v6: 5 });
    await processMessages([record({ kind: "kamae.sync" })], deps);
    const full = w.notifications.filter((n) => /block list full/.test(n.subject));
    assert.deepEqual(full.map((n) => n.subject), [`Kamae WafAutoBlock: IPv6 block list full in ${WHERE}`], "told once");
    assert.equal(w.dynamo.rows(BLOCK_TABLE).length, 15);
  });
});
