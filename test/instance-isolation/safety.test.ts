import { strict as assert } from "node:assert";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { Ledger } from "../../components/instance-isolation/lambda/ledger";
import { awsError } from "../harness/aws";
import { ACCOUNT, FakeAws, REGION } from "./fakes";
import { deps, fixture, INSTANCE, run, VPC, webTier } from "./scenario";

const RECORD = `instance#${ACCOUNT}#${REGION}#${INSTANCE}`;
const emptyGroupId = (fake: FakeAws) => [...fake.groups.values()].find((g) => g.vpcId === VPC && g.tags["kamae:isolation-group"] === "empty")?.id;
const cut = (fake: FakeAws) => fake.instances.get(INSTANCE)!.enis.every((e) => e.groups.length === 1 && e.groups[0] === emptyGroupId(fake));
const contention = () => awsError("ResourceContention", "You already have a pending update to an Auto Scaling resource", { httpStatusCode: 500, fault: "server" });

/** A GuardDuty finding as "Generate sample findings" makes it, in the old or the newer additionalInfo shape. */
function sample(shape: "flag" | "value") {
  const event = fixture("guardduty-backdoor-cc.json");
  event.detail.service.additionalInfo = shape === "flag" ? { sample: true } : { value: JSON.stringify({ sample: true }), type: "default" };
  return event;
}

function updated(at: string) {
  const event = fixture("guardduty-backdoor-cc.json");
  event.detail.updatedAt = at;
  return event;
}

describe("InstanceIsolation under faults and hostile input (issue 18)", () => {
  let fake: FakeAws;
  afterEach(() => fake?.restore());

  describe("1. leaving the Auto Scaling group gates the network cut", () => {
    it("falls back to Standby when DetachInstances fails: a replacement launches, the cut proceeds, the release exits Standby", async () => {
      ({ fake } = webTier());
      fake.failWhen("DetachInstances", contention);
      const result = await run(fixture("guardduty-backdoor-cc.json"));
      assert.equal(result.responses[0].outcome, "isolated");
      const asg = fake.asgs.get("web-asg")!;
      assert.deepEqual(asg.standby, [INSTANCE]);
      assert.equal(asg.instances.length - asg.standby!.length, asg.desired, "a replacement is in service");
      assert.ok(cut(fake));
      const step = fake.published[0].message.steps.find((s: any) => s.step === "detach-asg");
      assert.deepEqual(step.produced, ["standby"]);
      assert.match(step.note, /held by standby after: detached: ResourceContention/);
      assert.equal(fake.table.get(RECORD)!.asgHold, "standby");
      // The retry of a resumed isolation does not try to leave the group again.
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "already-isolated");

      assert.equal((await run(fixture("direct-release.json"))).responses[0].outcome, "released");
      assert.deepEqual(fake.asgs.get("web-asg")!.standby, []);
      assert.equal(fake.ops("ExitStandby").length, 1);
    });

    it("falls back to scale-in protection with replacement suspended when Standby fails too, and lifts both on release", async () => {
      ({ fake } = webTier());
      fake.failWhen("DetachInstances", contention);
      fake.failWhen("EnterStandby", () => awsError("AccessDenied", "User is not authorized to perform: autoscaling:EnterStandby", { httpStatusCode: 403 }));
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      const asg = fake.asgs.get("web-asg")!;
      assert.deepEqual(asg.protectedIds, [INSTANCE]);
      assert.deepEqual(asg.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"]);
      assert.ok(cut(fake));
      assert.equal((await run(fixture("direct-release.json"))).responses[0].outcome, "released");
      assert.deepEqual(fake.asgs.get("web-asg")!.protectedIds, []);
      assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
    });

    it("when nothing holds, leaves the network uncut, fails the invocation, and the retry completes the isolation", async () => {
      ({ fake } = webTier());
      let outage = true;
      for (const op of ["DetachInstances", "EnterStandby", "SetInstanceProtection"]) fake.failWhen(op, () => (outage ? awsError("Throttling", "Rate exceeded") : undefined));
      await assert.rejects(run(fixture("guardduty-backdoor-cc.json")), /still in service in its Auto Scaling group, network not cut/);
      assert.ok(fake.asgs.get("web-asg")!.instances.includes(INSTANCE), "still a member: the cut would have made Auto Scaling terminate the evidence");
      assert.ok(!fake.ops("ModifyNetworkInterfaceAttribute").length, "no ENI moved");
      assert.equal(fake.published[0].message.outcome, "asg-hold-failed");
      assert.equal(fake.table.get(RECORD)!.status, "isolating");
      outage = false;
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
      assert.ok(cut(fake));
      assert.ok(!fake.asgs.get("web-asg")!.instances.includes(INSTANCE));
    });
  });

  describe("2. a released finding stays released", () => {
    it("a redelivery of the released finding changes nothing and is quiet; a newer update is reported once, not acted on", async () => {
      ({ fake } = webTier());
      await run(fixture("guardduty-backdoor-cc.json"));
      assert.equal((await run(fixture("direct-release.json"))).responses[0].outcome, "released");
      const asgSize = fake.asgs.get("web-asg")!.instances.length;
      const writes = fake.writes().length;
      const replay = await run(fixture("guardduty-backdoor-cc.json"));
      assert.equal(replay.responses[0].outcome, "released-finding");
      assert.equal(fake.writes().length, writes, "no write, no report");
      assert.equal(fake.asgs.get("web-asg")!.instances.length, asgSize, "no further replacement launched");
      assert.ok(!cut(fake));

      const reports = fake.published.length;
      assert.equal((await run(updated("2026-11-23T06:00:00.000Z"))).responses[0].outcome, "finding-updated-after-release");
      assert.equal(fake.published.length, reports + 1);
      assert.equal(fake.published.at(-1)!.message.outcome, "finding-updated-after-release");
      assert.ok(!cut(fake));
      // The same update again is a replay.
      assert.equal((await run(updated("2026-11-23T06:00:00.000Z"))).responses[0].outcome, "released-finding");
      assert.equal(fake.published.length, reports + 1);
    });

    it("re-isolates on a newer update only where configured", async () => {
      ({ fake } = webTier());
      const d = deps({ KAMAE_REISOLATE_UPDATED_FINDINGS: "true" });
      await run(fixture("guardduty-backdoor-cc.json"), d);
      await run(fixture("direct-release.json"), d);
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"), d)).responses[0].outcome, "released-finding");
      assert.equal((await run(updated("2026-11-23T06:00:00.000Z"), d)).responses[0].outcome, "isolated");
      assert.ok(cut(fake));
    });
  });

  describe("3. sample findings are drills", () => {
    for (const shape of ["flag", "value"] as const) {
      it(`dismisses a sample finding (${shape} shape) without a single AWS call, and acts on it when drills are opted in`, async () => {
        ({ fake } = webTier());
        const result = await run(sample(shape));
        assert.equal(result.responses.length, 0);
        assert.match(result.dismissed[0].reason, /sample finding/);
        assert.equal(fake.calls.length, 0);
        assert.equal((await run(sample(shape), deps({ KAMAE_ACT_ON_SAMPLE_FINDINGS: "true" }))).responses[0].outcome, "isolated");
      });
    }
  });

  describe("4. the isolation record is finished only by the run that began it", () => {
    it("a release racing a slow isolation keeps the record released; the isolation reports it was superseded", async () => {
      ({ fake } = webTier());
      let releaseDone!: () => void;
      const released = new Promise<void>((r) => (releaseDone = r));
      let snapshotReached!: () => void;
      const atSnapshot = new Promise<void>((r) => (snapshotReached = r));
      fake.holdWhen("CreateSnapshots", () => {
        snapshotReached();
        return released;
      });
      const isolation = run(fixture("guardduty-backdoor-cc.json"));
      await atSnapshot;
      const release = await run(fixture("direct-release.json"));
      releaseDone();
      assert.equal(release.responses[0].outcome, "released");
      const late = await isolation;
      assert.equal(late.responses[0].outcome, "superseded");
      const record = fake.table.get(RECORD)!;
      assert.equal(record.status, "released", "the slow isolation did not overwrite the release");
      assert.ok(fake.published.some((p) => p.message.outcome === "superseded" && /mixed state/.test(p.message.detail)));
    });

    it("a stale run can neither finish nor claim a record another run owns", async () => {
      ({ fake } = webTier());
      await run(fixture("guardduty-backdoor-cc.json"));
      const ledger = deps().ledger as Ledger;
      const { record } = await ledger.read(RECORD);
      assert.equal(await ledger.claim(record!, "release-run"), true);
      assert.equal(await ledger.finish({ ...record!, status: "isolated" }), false, "the isolation's own run id no longer owns it");
      assert.equal(await ledger.claim(record!, "another"), false);
      assert.equal(fake.table.get(RECORD)!.runId, "release-run");
      assert.equal(fake.instances.get(INSTANCE)!.tags[KamaeTags.isolationStatus], "isolated");
    });
  });
});
