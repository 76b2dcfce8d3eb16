import { strict as assert } from "node:assert";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { awsError } from "../harness/aws";
import { ACCOUNT, FakeAws, REGION } from "./fakes";
import { deps, fixture, INSTANCE, ISOLATION_PROFILE, run, TG_API, TG_HTTP, TG_OTHER, VPC, WEB_PROFILE_ARN, webTier } from "./scenario";

const ALLOW_ALL = (rules: any[]) =>
  rules.some((r) => r.IpProtocol === "-1" && (r.IpRanges ?? []).some((x: any) => x.CidrIp === "0.0.0.0/0")) &&
  rules.some((r) => r.IpProtocol === "-1" && (r.Ipv6Ranges ?? []).some((x: any) => x.CidrIpv6 === "::/0"));

function isolationGroup(fake: FakeAws, role: "empty" | "transition") {
  return [...fake.groups.values()].find((g) => g.vpcId === VPC && g.tags["kamae:isolation-group"] === role);
}

/** The end state of a fully isolated web server, asserted on the fake. */
function assertIsolated(fake: FakeAws) {
  const inst = fake.instances.get(INSTANCE)!;
  const empty = isolationGroup(fake, "empty")!;
  assert.ok(empty, "an empty isolation group exists");
  assert.deepEqual([empty.ingress, empty.egress], [[], []], "the isolation group has no rules at all");
  for (const eni of inst.enis) assert.deepEqual(eni.groups, [empty.id], `${eni.id} is only in the isolation group`);
  assert.equal(inst.disableApiTermination, true);
  assert.equal(inst.shutdownBehavior, "stop");
  assert.ok(inst.volumes.every((v) => !v.deleteOnTermination));
  assert.equal(inst.tags[KamaeTags.isolationStatus], "isolated");
  assert.ok(inst.profile?.arn.endsWith(`/${ISOLATION_PROFILE}`));
  assert.equal(fake.addresses[0].associationId, undefined, "the Elastic IP is disassociated");
  for (const [arn, id] of [[TG_HTTP, INSTANCE], [TG_API, "10.0.1.17"]]) {
    assert.ok(fake.targetGroups.get(arn)!.targets.filter((t) => t.id === id).every((t) => t.state === "draining"), `${id} leaves ${arn}`);
  }
}

describe("InstanceIsolation responder (stateful AWS fakes)", () => {
  let fake: FakeAws;
  afterEach(() => fake?.restore());

  it("isolates an instance in an ASG behind two target groups with two ENIs and an EIP, in the playbook's order", async () => {
    ({ fake } = webTier());
    const result = await run(fixture("guardduty-backdoor-cc.json"));
    assert.deepEqual(result.responses.map((r) => [r.instanceId, r.outcome, r.accountId, r.region]), [[INSTANCE, "isolated", ACCOUNT, REGION]]);
    assertIsolated(fake);

    // Auto Scaling: left without decrement, so a replacement took its place behind the load balancer.
    const asg = fake.asgs.get("web-asg")!;
    assert.equal(asg.desired, 2);
    assert.ok(!asg.instances.includes(INSTANCE));
    assert.equal(asg.instances.length, 2);
    const replacement = asg.instances.find((i) => i !== "i-0fedcba9876543210")!;
    assert.ok(fake.targetGroups.get(TG_HTTP)!.targets.some((t) => t.id === replacement && t.state === "healthy"));
    assert.equal(fake.ops("DetachInstances")[0].input.ShouldDecrementDesiredCapacity, false);

    // Order: nothing changes before the record; the ASG detach ends before any security-group change; on every ENI
    // the allow-all group comes before the empty group.
    // (Only the preparation of isolation groups, which touches no instance, may overlap the record's write.)
    const record = fake.ops("TransactWriteItems")[0];
    const instanceChanges = fake.writes().filter((c) => !/SecurityGroup|TransactWriteItems/.test(c.op));
    assert.ok(instanceChanges.length > 10 && instanceChanges.every((c) => c.seq > record.seq), "the original state is recorded before any change");
    const eniMoves = fake.ops("ModifyNetworkInterfaceAttribute");
    const detach = fake.ops("DetachInstances")[0];
    assert.ok(eniMoves.every((m) => m.seq > detach.seq));
    for (const d of fake.ops("DeregisterTargets")) assert.ok(eniMoves.every((m) => m.seq > d.seq), "target groups are left before the cut");
    const transition = isolationGroup(fake, "transition")!;
    assert.ok(ALLOW_ALL(transition.ingress) && ALLOW_ALL(transition.egress), "the transition group allows everything both ways");
    const empty = isolationGroup(fake, "empty")!;
    for (const eni of fake.instances.get(INSTANCE)!.enis) {
      const moves = eniMoves.filter((m) => m.input.NetworkInterfaceId === eni.id).map((m) => m.input.Groups);
      assert.deepEqual(moves, [[transition.id], [empty.id]], `${eni.id}: allow-all first, then the empty group`);
    }
    // Evidence after the cut: snapshots of both volumes, tagged.
    assert.deepEqual(fake.snapshots.map((s) => s.volumeId).sort(), ["vol-0000000000000000a", "vol-0000000000000000b"]);
    assert.ok(fake.snapshots.every((s) => s.tags["kamae:evidence-of"] === INSTANCE));
    assert.ok(fake.ops("CreateSnapshots")[0].seq > eniMoves.at(-1)!.seq);

    // The record keeps what a release restores; one report lists every step, all successful.
    const stored = fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!;
    assert.equal(stored.status, "isolated");
    assert.equal(stored.original.autoScalingGroupName, "web-asg");
    assert.deepEqual(stored.original.targets.map((t: any) => t.targetGroupArn).sort(), [TG_HTTP, TG_API].sort());
    assert.equal(stored.original.networkInterfaces.length, 2);
    assert.equal(stored.original.instanceProfileArn, WEB_PROFILE_ARN);
    assert.equal(stored.snapshotIds.length, 2);
    assert.equal(fake.published.length, 1);
    const report = fake.published[0].message;
    assert.equal(report.outcome, "isolated");
    assert.equal(report.accountId, ACCOUNT);
    assert.equal(report.region, REGION);
    assert.equal(report.source, "guardduty");
    assert.ok(report.steps.every((s: any) => s.ok));
    for (const step of ["detach-asg", "deregister-target", "cut-transition", "cut-isolate", "disassociate-eip", "replace-profile", "snapshot", "preserve-volumes", "tag"]) {
      assert.ok(report.steps.some((s: any) => s.step === step), `the report lists ${step}`);
    }
    assert.match(fake.published[0].subject!, /isolated i-0123456789abcdef0 in 111122223333\/us-east-1/);
    // The neighbour is untouched.
    assert.equal(fake.instances.get("i-0fedcba9876543210")!.enis[0].groups.length, 1);
    assert.notEqual(fake.instances.get("i-0fedcba9876543210")!.enis[0].groups[0], empty.id);
  });

  it("isolates an instance in no Auto Scaling group, from a Deep Security tamper event", async () => {
    ({ fake } = webTier({ inAsg: false }));
    const result = await run(fixture("sns-deep-security-tamper.json"));
    // Two qualifying events name the same instance: one response. The non-AWS host's event is dismissed.
    assert.equal(result.responses.length, 1);
    assert.equal(result.responses[0].outcome, "isolated");
    assert.ok(result.dismissed.some((d) => /non-AWS host/.test(d.reason)));
    assert.equal(fake.ops("DetachInstances").length, 0);
    assertIsolated(fake);
    assert.equal(fake.published[0].message.source, "deep-security");
  });

  it("does nothing to an instance that is already isolated, and does not mail again", async () => {
    ({ fake } = webTier());
    await run(fixture("direct-isolate.json"));
    const writes = fake.writes().length;
    const result = await run(fixture("guardduty-backdoor-cc.json"));
    assert.equal(result.responses[0].outcome, "already-isolated");
    assert.equal(fake.writes().length, writes, "no AWS write at all");
    assert.equal(fake.published.length, 1);
  });

  it("never touches a protected instance, and says so", async () => {
    ({ fake } = webTier({ tags: { [KamaeTags.protected]: "true" } }));
    const result = await run(fixture("guardduty-backdoor-cc.json"));
    assert.equal(result.responses[0].outcome, "protected");
    assert.deepEqual(fake.writes().map((c) => c.op), ["Publish"]);
    assert.equal(fake.published[0].message.outcome, "protected");
  });

  it("never touches an instance outside the scope (no scope tag, ASG not listed)", async () => {
    ({ fake } = webTier({ tags: { [KamaeTags.isolationScope]: "false" } }));
    assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "out-of-scope");
    assert.deepEqual(fake.writes().map((c) => c.op), ["Publish"]);
    // The same instance is in scope once its Auto Scaling group is listed.
    assert.equal((await run(fixture("guardduty-backdoor-cc.json"), deps({ KAMAE_SCOPE_ASG_NAMES: "web-asg" }))).responses[0].outcome, "isolated");
  });

  it("in detect mode reports the plan and changes nothing", async () => {
    ({ fake } = webTier());
    const result = await run(fixture("guardduty-backdoor-cc.json"), deps({ KAMAE_MODE: "detect" }));
    assert.equal(result.responses[0].outcome, "detect");
    assert.deepEqual(fake.writes().map((c) => c.op), ["Publish"]);
    const plan = fake.published[0].message.plan as Array<{ step: string }>;
    assert.deepEqual(
      [...new Set(plan.map((a) => a.step))].sort(),
      ["cut-isolate", "cut-transition", "deregister-target", "detach-asg", "disassociate-eip", "prepare-isolation-group", "preserve-evidence", "preserve-volumes", "replace-profile", "snapshot", "tag"].sort(),
    );
    assert.equal(plan.filter((a) => a.step === "cut-isolate").length, 2);
    assert.equal(fake.table.size, 0, "the circuit breaker is not consumed");
  });

  it("trips the circuit breaker: after N isolations in the window it only notifies", async () => {
    ({ fake } = webTier());
    const ids = ["i-0000000000000000a", "i-0000000000000000b", "i-0000000000000000c"];
    for (const id of ids) {
      const copy = structuredClone(fake.instances.get(INSTANCE)!);
      copy.id = id;
      copy.enis = copy.enis.map((e, i) => ({ ...e, id: `eni-${id.slice(2, 17)}${i}` }));
      fake.instances.set(id, copy);
    }
    const d = deps({ KAMAE_BREAKER_MAX_ISOLATIONS: "2", KAMAE_BREAKER_WINDOW_SECONDS: "3600" });
    const outcomes = [];
    for (const id of ids) outcomes.push((await run({ ...fixture("direct-isolate.json"), instanceId: id }, d)).responses[0].outcome);
    assert.deepEqual(outcomes, ["isolated", "isolated", "breaker-open"]);
    const third = fake.instances.get(ids[2])!;
    assert.ok(third.enis.every((e) => !e.groups.includes(isolationGroup(fake, "empty")!.id)), "the third instance keeps its network");
    assert.equal(third.disableApiTermination, false);
    assert.equal(fake.published.at(-1)!.message.outcome, "breaker-open");
    assert.ok(fake.published.at(-1)!.message.plan.length > 0, "the operators see what would have been done");
    // An hour later the window has moved on.
    const later = deps({ KAMAE_BREAKER_MAX_ISOLATIONS: "2" }, () => Date.parse("2026-11-23T05:10:01Z"));
    assert.equal((await run({ ...fixture("direct-isolate.json"), instanceId: ids[2] }, later)).responses[0].outcome, "isolated");
  });

  describe("the record is written while target health and isolation groups are read, when the instance alone settles it", () => {
    const copyOf = (f: FakeAws, id: string) => {
      const copy = structuredClone(f.instances.get(INSTANCE)!);
      copy.id = id;
      copy.enis = copy.enis.map((e, i) => ({ ...e, id: `eni-${id.slice(2, 17)}${i}` }));
      f.instances.set(id, copy);
    };

    it("a new isolation is recorded and counted during the second round of reads; its target groups go on record before it leaves them", async () => {
      ({ fake } = webTier());
      // Target health answers slowly: the record's transaction, which needs no answer of it, ends meanwhile.
      fake.holdWhen("DescribeTargetHealth", () => new Promise((r) => setTimeout(r, 30)));
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      const breakerRead = fake.ops("GetItem").find((c) => c.input.Key.pk === "circuit-breaker")!;
      assert.ok(breakerRead.seq < fake.ops("DescribeTargetHealth")[0].seq, "the breaker is read in the first round");
      assert.equal(fake.ops("GetItem").length, 2, "the record and the breaker, once each");
      const [begin] = fake.ops("TransactWriteItems");
      assert.ok(begin.endedMs! <= Math.min(...fake.ops("DescribeTargetHealth").map((c) => c.endedMs!)), "recorded while target health was read");
      assert.deepEqual(begin.input.TransactItems[0].Put.Item.original.targets, [], "unknown yet");
      // Nothing changes before the record, and the targets are on record before the instance leaves them.
      const changes = fake.writes().filter((c) => !/TransactWriteItems|PutItem|Publish/.test(c.op));
      assert.ok(changes.every((c) => c.seq > begin.seq && c.startedMs >= begin.endedMs!));
      const [targets] = fake.ops("PutItem");
      assert.deepEqual(targets.input.Item.original.targets.map((t: any) => t.targetGroupArn).sort(), [TG_HTTP, TG_API].sort());
      assert.ok(fake.ops("DeregisterTargets").every((d) => d.startedMs >= targets.endedMs!));
      assertIsolated(fake);
    });

    it("when the instance alone plans nothing (only target groups left), the record is claimed after the reads and the targets added to it", async () => {
      ({ fake } = webTier());
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      // Someone puts the isolated instance back behind a load balancer; the finding is delivered again.
      fake.targetGroups.get(TG_OTHER)!.vpcId = VPC;
      fake.targetGroups.get(TG_OTHER)!.targets.push({ id: INSTANCE, port: 80, state: "healthy" });
      const before = fake.calls.length;
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      const calls = fake.calls.slice(before);
      const claim = calls.find((c) => c.op === "PutItem")!;
      assert.ok(calls.filter((c) => c.op === "DescribeTargetHealth").every((c) => c.seq < claim.seq), "claimed once the reads are in");
      const stored = fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!;
      assert.deepEqual(stored.original.targets.map((t: any) => t.targetGroupArn).sort(), [TG_HTTP, TG_API, TG_OTHER].sort(), "a release registers it back there too");
      assert.equal(fake.targetGroups.get(TG_OTHER)!.targets[0].state, "draining");
      assert.equal(fake.ops("TransactWriteItems").length, 1, "a resumed isolation is not counted again");
    });

    it("when its target groups cannot be recorded, the instance stays in them, the rest is done, and the report says why", async () => {
      ({ fake } = webTier());
      let refusals = 1;
      fake.failWhen("PutItem", (input) => (input.Item.status === "isolating" && refusals-- > 0 ? awsError("ProvisionedThroughputExceededException", "Rate exceeded") : undefined));
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated-with-failures");
      assert.equal(fake.ops("DeregisterTargets").length, 0, "never left unrecorded");
      const report = fake.published.at(-1)!.message;
      assert.deepEqual(report.failures.map((f: string) => f.replace(/ arn:\S+ \S+/, "")).sort(), [
        "deregister-target not attempted: its target groups could not be recorded first (ProvisionedThroughputExceededException: Rate exceeded)",
        "deregister-target not attempted: its target groups could not be recorded first (ProvisionedThroughputExceededException: Rate exceeded)",
      ]);
      const empty = isolationGroup(fake, "empty")!;
      for (const eni of fake.instances.get(INSTANCE)!.enis) assert.deepEqual(eni.groups, [empty.id], "the cut is done all the same");
      // The redelivery records them and leaves them.
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      assertIsolated(fake);
      assert.deepEqual(fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!.original.targets.length, 2);
    });

    it("a breaker read early by concurrent isolations still admits no more than its maximum", async () => {
      ({ fake } = webTier());
      const other = "i-0000000000000000b";
      copyOf(fake, other);
      const d = deps({ KAMAE_BREAKER_MAX_ISOLATIONS: "1" });
      const results = await Promise.all([run(fixture("direct-isolate.json"), d), run({ ...fixture("direct-isolate.json"), instanceId: other }, d)]);
      assert.deepEqual(results.map((r) => r.responses[0].outcome).sort(), ["breaker-open", "isolated"]);
      assert.equal(fake.table.get("circuit-breaker")!.changes.length, 1);
      const refused = results.find((r) => r.responses[0].outcome === "breaker-open")!.responses[0].instanceId;
      assert.equal(fake.instances.get(refused)!.disableApiTermination, false, "the refused one is left untouched");
    });

    it("a failed early read of the breaker is read again before the first change; failing again, nothing changes", async () => {
      ({ fake } = webTier());
      let refusals = 1;
      fake.failWhen("GetItem", (input) => (input.Key.pk === "circuit-breaker" && refusals-- > 0 ? awsError("ProvisionedThroughputExceededException", "Rate exceeded") : undefined));
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      assert.deepEqual(fake.ops("GetItem").filter((c) => c.input.Key.pk === "circuit-breaker").map((c) => c.failed ?? false), [true, false]);

      ({ fake } = (fake.restore(), webTier()));
      fake.failWhen("GetItem", (input) => (input.Key.pk === "circuit-breaker" ? awsError("ProvisionedThroughputExceededException", "Rate exceeded") : undefined));
      await assert.rejects(run(fixture("guardduty-backdoor-cc.json")), /Rate exceeded/);
      assert.deepEqual(fake.writes().map((c) => c.op).filter((op) => !/SecurityGroup/.test(op)), [], "no change to the instance, no record");
    });
  });

  it("counts concurrent deliveries of one finding once (conditional writes)", async () => {
    ({ fake } = webTier());
    const d = deps({ KAMAE_BREAKER_MAX_ISOLATIONS: "5" });
    const results = await Promise.all([run(fixture("guardduty-backdoor-cc.json"), d), run(fixture("guardduty-backdoor-cc.json"), d)]);
    assert.deepEqual(results.map((r) => r.responses[0].outcome).sort(), ["already-isolated", "isolated"]);
    assert.equal(fake.table.get("circuit-breaker")!.changes.length, 1);
    assert.equal(fake.published.length, 1);
    assert.equal([...fake.groups.values()].filter((g) => g.tags["kamae:isolation-group"] === "transition").length, 1, "one transition group despite the race");
    assertIsolated(fake);
  });

  it("still cuts the network when a step fails mid-way, and reports what failed", async () => {
    ({ fake } = webTier());
    fake.failWhen("DeregisterTargets", (input) => (input.TargetGroupArn === TG_API ? awsError("Throttling", "Rate exceeded") : undefined));
    const result = await run(fixture("guardduty-backdoor-cc.json"));
    assert.equal(result.responses[0].outcome, "isolated-with-failures");
    const empty = isolationGroup(fake, "empty")!;
    for (const eni of fake.instances.get(INSTANCE)!.enis) assert.deepEqual(eni.groups, [empty.id]);
    assert.equal(fake.ops("CreateSnapshots").length, 1);
    const report = fake.published[0].message;
    assert.equal(report.failures.length, 1);
    assert.ok(report.failures.some((f: string) => f.includes(TG_API) && /Throttling/.test(f)));
  });

  it("fails the invocation when the cut itself fails, and the retry finishes it", async () => {
    ({ fake } = webTier());
    let failures = 1;
    fake.failWhen("ModifyNetworkInterfaceAttribute", (input) =>
      input.NetworkInterfaceId.endsWith("1") && input.Groups[0] === isolationGroup(fake, "empty")?.id && failures-- > 0 ? awsError("RequestLimitExceeded", "Request limit exceeded.", { httpStatusCode: 503, fault: "server" }) : undefined,
    );
    await assert.rejects(run(fixture("guardduty-backdoor-cc.json")), /network cut incomplete/);
    assert.equal(fake.published[0].message.outcome, "cut-failed");
    assert.equal(fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!.status, "isolating");
    const result = await run(fixture("guardduty-backdoor-cc.json"));
    assert.equal(result.responses[0].outcome, "isolated");
    assertIsolated(fake);
    assert.equal(fake.snapshots.length, 2, "the retry does not snapshot again");
    assert.equal(fake.table.get("circuit-breaker")!.changes.length, 1, "the retry is not counted again");
  });

  it("fails the invocation when the report cannot be published, and the retry publishes it without acting again", async () => {
    ({ fake } = webTier());
    let outage = true;
    fake.failWhen("Publish", () => (outage ? awsError("KMSThrottlingException", "Rate exceeded", { httpStatusCode: 400 }) : undefined));
    await assert.rejects(run(fixture("guardduty-backdoor-cc.json")), /report could not be published/);
    assertIsolated(fake);
    outage = false;
    const writes = fake.writes().filter((c) => c.op !== "Publish" && c.op !== "PutItem").length;
    const result = await run(fixture("guardduty-backdoor-cc.json"));
    assert.equal(result.responses[0].reported, true);
    assert.equal(fake.published.length, 1);
    assert.equal(fake.published[0].message.instanceId, INSTANCE);
    assert.equal(fake.writes().filter((c) => c.op !== "Publish" && c.op !== "PutItem").length, writes, "no AWS change on the retry");
    assert.equal(fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!.reported, true);
    // A third delivery is quiet.
    await run(fixture("guardduty-backdoor-cc.json"));
    assert.equal(fake.published.length, 1);
  });

  it("changes nothing when the same event is delivered three times", async () => {
    ({ fake } = webTier());
    const event = fixture("sns-deep-security-tamper.json");
    await run(event);
    const snapshot = JSON.stringify([[...fake.instances], [...fake.groups], fake.addresses, [...fake.asgs], [...fake.targetGroups], [...fake.table]]);
    const writes = fake.writes().length;
    const outcomes = [(await run(event)).responses[0].outcome, (await run(event)).responses[0].outcome];
    assert.deepEqual(outcomes, ["already-isolated", "already-isolated"]);
    assert.equal(JSON.stringify([[...fake.instances], [...fake.groups], fake.addresses, [...fake.asgs], [...fake.targetGroups], [...fake.table]]), snapshot);
    assert.equal(fake.writes().length, writes);
    assert.equal(fake.published.length, 1);
    assert.equal(fake.snapshots.length, 2);
  });

  it("rejects malformed events and ignores non-AWS hosts and findings below the thresholds, acting on nothing", async () => {
    ({ fake } = webTier());
    const inputs: unknown[] = [
      fixture("sns-deep-security-not-actionable.json"),
      fixture("sns-malformed-message.json"),
      fixture("guardduty-portscan-low.json"),
      null,
      "i-0123456789abcdef0",
      [1, 2],
      { Records: "nope" },
      { source: "aws.guardduty", detail: { type: 42 } },
      { ...fixture("direct-isolate.json"), instanceId: "i-0123456789abcdef0; aws ec2 terminate-instances" },
      { ...fixture("direct-isolate.json"), accountId: 111122223333 },
      { ...fixture("direct-isolate.json"), region: "us-east-1\nx" },
      { kind: "kamae.release", instanceId: ["i-0123456789abcdef0"] },
    ];
    for (const input of inputs) {
      const result = await run(input);
      assert.equal(result.responses.length, 0, `nothing acted on for ${JSON.stringify(input).slice(0, 80)}`);
      assert.ok(result.dismissed.length > 0, "and the reason is kept for the log");
    }
    assert.equal(fake.writes().length, 0);
    const notActionable = await run(fixture("sns-deep-security-not-actionable.json"));
    assert.deepEqual(notActionable.dismissed.map((d) => d.disposition), ["ignored", "ignored", "ignored"]);
    assert.match(notActionable.dismissed[0].reason, /non-AWS host/);
  });

  it("reports an instance that does not exist (or is terminating) without acting", async () => {
    ({ fake } = webTier());
    const result = await run({ ...fixture("direct-isolate.json"), instanceId: "i-0aaaaaaaaaaaaaaaa" });
    assert.equal(result.responses[0].outcome, "not-found");
    assert.deepEqual(fake.writes().map((c) => c.op), ["Publish"]);
    fake.instances.get(INSTANCE)!.state = "shutting-down";
    assert.equal((await run(fixture("direct-isolate.json"))).responses[0].outcome, "not-found");
    assert.deepEqual(fake.writes().map((c) => c.op), ["Publish", "Publish"]);
  });

  it("refuses to act in an account it is not enrolled for", async () => {
    ({ fake } = webTier());
    const result = await run({ ...fixture("direct-isolate.json"), accountId: "999999999999" });
    assert.equal(result.responses.length, 0);
    assert.match(result.dismissed[0].reason, /not enrolled/);
    assert.equal(fake.calls.length, 0);
  });

  it("keeps the hostile text of an event out of tags and subjects", async () => {
    ({ fake } = webTier());
    await run({ ...fixture("direct-isolate.json"), findingId: "x\r\nSubject: pwned <script>", reason: "a".repeat(5000) });
    const tags = fake.instances.get(INSTANCE)!.tags;
    assert.match(tags["kamae:finding-id"], /^[\p{L}\p{N} _.:/=+\-@]*$/u);
    assert.ok(fake.published[0].message.reason.length <= 256);
    assert.doesNotMatch(fake.published[0].message.findingId, /[\r\n<>]/);
  });

  it("keeps the finding type readable in the report", async () => {
    ({ fake } = webTier());
    await run(fixture("guardduty-backdoor-cc.json"));
    assert.match(fake.published[0].message.reason, /^GuardDuty Backdoor:EC2\/C&CActivity\.B: /);
  });

  it("releases an isolated instance back to its recorded state, once", async () => {
    ({ fake } = webTier());
    const before = structuredClone(fake.instances.get(INSTANCE)!);
    await run(fixture("guardduty-backdoor-cc.json"));
    const result = await run(fixture("direct-release.json"));
    assert.equal(result.responses[0].outcome, "released");
    const inst = fake.instances.get(INSTANCE)!;
    assert.deepEqual(inst.enis.map((e) => e.groups), before.enis.map((e) => e.groups));
    assert.equal(inst.profile?.arn, WEB_PROFILE_ARN);
    assert.equal(inst.disableApiTermination, false);
    assert.equal(inst.shutdownBehavior, "terminate");
    assert.ok(inst.volumes.every((v) => v.deleteOnTermination));
    assert.equal(fake.addresses[0].eniId, before.enis[0].id);
    assert.equal(fake.addresses[0].privateIp, "10.0.1.17");
    assert.ok(fake.targetGroups.get(TG_HTTP)!.targets.some((t) => t.id === INSTANCE && t.state === "healthy"));
    assert.ok(fake.targetGroups.get(TG_API)!.targets.some((t) => t.id === "10.0.1.17" && t.state === "healthy"));
    assert.ok(fake.asgs.get("web-asg")!.instances.includes(INSTANCE));
    assert.equal(inst.tags[KamaeTags.isolationStatus], "released");
    assert.equal(fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!.status, "released");
    const writes = fake.writes().length;
    assert.equal((await run(fixture("direct-release.json"))).responses[0].outcome, "not-isolated");
    assert.equal(fake.writes().length, writes);
  });

  it("creates missing isolation groups idempotently, and strips rules someone added to an existing one", async () => {
    ({ fake } = webTier());
    const planted = fake.addGroup(VPC, "kamae-isolation-empty-existing", { "kamae:isolation-group": "empty" }, { ingress: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] });
    await run(fixture("guardduty-backdoor-cc.json"));
    assert.deepEqual([planted.ingress, planted.egress], [[], []]);
    for (const eni of fake.instances.get(INSTANCE)!.enis) assert.deepEqual(eni.groups, [planted.id]);
    assert.equal([...fake.groups.values()].filter((g) => g.tags["kamae:isolation-group"] === "empty").length, 1);
    assert.equal(fake.ops("CreateSecurityGroup").length, 1, "only the transition group was created");
  });

  it("replaces the role-wide sessions only when opted in", async () => {
    ({ fake } = webTier());
    await run(fixture("guardduty-backdoor-cc.json"), deps({ KAMAE_REVOKE_ROLE_SESSIONS: "true" }));
    const policy = JSON.parse(fake.rolePolicies.get("web-role")!["kamae-deny-sessions-before-isolation"]);
    assert.deepEqual(policy.Statement[0].Condition, { DateLessThan: { "aws:TokenIssueTime": "2026-11-23T04:10:00.000Z" } });
    assert.equal(policy.Statement[0].Effect, "Deny");
  });
});
