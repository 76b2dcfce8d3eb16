import { strict as assert } from "node:assert";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { metrics } from "../../components/shared/runtime/metrics";
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

    describe("two instances of one group held by suspended processes", () => {
      const NEIGHBOUR = "i-0fedcba9876543210";
      const HOLD = `asg-hold#${ACCOUNT}#${REGION}#web-asg`;
      const finding = (instanceId: string) => {
        const event = fixture("guardduty-backdoor-cc.json");
        event.detail.id = `finding-of-${instanceId}`;
        event.detail.resource.instanceDetails.instanceId = instanceId;
        return event;
      };
      const release = (instanceId: string) => ({ ...fixture("direct-release.json"), instanceId });
      const holdOnlyByProtection = (f: FakeAws) => {
        f.failWhen("DetachInstances", contention);
        f.failWhen("EnterStandby", () => awsError("AccessDenied", "User is not authorized to perform: autoscaling:EnterStandby", { httpStatusCode: 403 }));
      };

      it("releasing one keeps the group's processes suspended while the other is held; the last release resumes them", async () => {
        ({ fake } = webTier());
        holdOnlyByProtection(fake);
        for (const id of [INSTANCE, NEIGHBOUR]) assert.equal((await run(finding(id))).responses[0].outcome, "isolated");
        assert.deepEqual(fake.table.get(HOLD)!.holders, [INSTANCE, NEIGHBOUR]);
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
        const asg = fake.asgs.get("web-asg")!;
        assert.deepEqual(asg.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"], "the neighbour is still held: its replacement stays suspended");
        assert.deepEqual(asg.protectedIds, [NEIGHBOUR]);
        assert.equal(fake.ops("ResumeProcesses").length, 0);
        const step = fake.published.at(-1)!.message.steps.find((s: any) => s.step === "unprotect-asg");
        assert.match(step.note, new RegExp(`stay suspended for ${NEIGHBOUR}`));
        // A replay of the first release changes nothing: the neighbour stays the holder.
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "not-isolated");
        assert.deepEqual(fake.table.get(HOLD)!.holders, [NEIGHBOUR]);
        assert.equal((await run(release(NEIGHBOUR))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
        assert.deepEqual(fake.table.get(HOLD)!.holders, []);
        assert.equal(fake.table.get(HOLD)!.resumingUntil, undefined, "the resume lease is ended");
      });

      it("a holder that left the group without a release (terminated after forensics) no longer keeps the processes suspended", async () => {
        ({ fake } = webTier());
        holdOnlyByProtection(fake);
        for (const id of [INSTANCE, NEIGHBOUR]) assert.equal((await run(finding(id))).responses[0].outcome, "isolated");
        // An operator terminates the neighbour after taking the evidence, instead of releasing it.
        const asg = fake.asgs.get("web-asg")!;
        asg.instances = asg.instances.filter((id) => id !== NEIGHBOUR);
        asg.protectedIds = asg.protectedIds!.filter((id) => id !== NEIGHBOUR);
        fake.instances.get(NEIGHBOUR)!.state = "terminated";
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
        assert.deepEqual(fake.table.get(HOLD)!.holders, []);
        const step = fake.published.at(-1)!.message.steps.find((s: any) => s.step === "unprotect-asg");
        assert.match(step.note, new RegExp(`no longer in the group, so no longer holding it: ${NEIGHBOUR}`));
      });

      /** An operator terminates a held instance instead of releasing it: EC2 keeps it as terminated, or has forgotten it. */
      const terminate = (f: FakeAws, id: string, forgotten: boolean) => {
        const asg = f.asgs.get("web-asg")!;
        asg.instances = asg.instances.filter((i) => i !== id);
        asg.protectedIds = asg.protectedIds!.filter((i) => i !== id);
        if (forgotten) f.instances.delete(id);
        else f.instances.get(id)!.state = "terminated";
      };

      for (const forgotten of [false, true]) {
        it(`the release of a last holder that was terminated (${forgotten ? "no longer described" : "described as terminated"}) lifts the hold, only that, once`, async () => {
          ({ fake } = webTier());
          holdOnlyByProtection(fake);
          assert.equal((await run(finding(INSTANCE))).responses[0].outcome, "isolated");
          terminate(fake, INSTANCE, forgotten);
          const before = fake.writes().length;
          assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
          assert.deepEqual(fake.asgs.get("web-asg")!.suspended, [], "the group's replacement and rebalancing run again");
          assert.deepEqual(fake.table.get(HOLD)!.holders, []);
          assert.equal(fake.table.get(HOLD)!.resumingUntil, undefined, "the resume lease is ended");
          // Nothing is asked of the instance that is gone: no tag, no protection change, no restore.
          assert.deepEqual(fake.writes().slice(before).map((c) => c.op).filter((op) => !["PutItem", "Publish"].includes(op)), ["ResumeProcesses"]);
          const report = fake.published.at(-1)!.message;
          assert.deepEqual([report.outcome, report.steps.map((s: any) => [s.step, s.subject, s.ok])], ["released", [["lift-group-hold", "web-asg", true]]]);
          assert.match(report.detail, /no longer exists: only its hold on Auto Scaling group web-asg is lifted/);
          assert.equal(fake.table.get(RECORD)!.status, "released");
          // Redelivered: quiet, nothing resumed twice.
          assert.equal((await run(release(INSTANCE))).responses[0].outcome, "not-isolated");
          assert.equal(fake.ops("ResumeProcesses").length, 1);
          assert.equal(fake.published.length, 2);
        });
      }

      it("the release of a terminated holder keeps the processes suspended while another instance is held; that one's release resumes them", async () => {
        ({ fake } = webTier());
        holdOnlyByProtection(fake);
        for (const id of [INSTANCE, NEIGHBOUR]) assert.equal((await run(finding(id))).responses[0].outcome, "isolated");
        terminate(fake, INSTANCE, false);
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"]);
        assert.deepEqual(fake.table.get(HOLD)!.holders, [NEIGHBOUR]);
        assert.equal(fake.ops("ResumeProcesses").length, 0);
        const step = fake.published.at(-1)!.message.steps.find((s: any) => s.step === "lift-group-hold");
        assert.match(step.note, new RegExp(`stay suspended for ${NEIGHBOUR}`));
        assert.equal((await run(release(NEIGHBOUR))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
        assert.deepEqual(fake.table.get(HOLD)!.holders, []);
      });

      it("a terminated holder's release whose resume fails is reported, fails the invocation, and the retry lifts the hold", async () => {
        ({ fake } = webTier());
        holdOnlyByProtection(fake);
        assert.equal((await run(finding(INSTANCE))).responses[0].outcome, "isolated");
        terminate(fake, INSTANCE, false);
        let failing = true;
        fake.failWhen("ResumeProcesses", () => (failing ? awsError("Throttling", "Rate exceeded") : undefined));
        await assert.rejects(run(release(INSTANCE)), /the Auto Scaling hold was not lifted \(lift-group-hold web-asg: Throttling/);
        assert.equal(fake.published.at(-1)!.message.outcome, "released-with-failures");
        assert.notEqual(fake.table.get(RECORD)!.status, "released", "still on record as held: the retry finds it");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"]);
        failing = false;
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
        assert.equal(fake.table.get(RECORD)!.status, "released");
      });

      it("a release whose resume fails is reported and fails the invocation; the retry resumes", async () => {
        ({ fake } = webTier());
        holdOnlyByProtection(fake);
        assert.equal((await run(finding(INSTANCE))).responses[0].outcome, "isolated");
        let failing = true;
        fake.failWhen("ResumeProcesses", () => (failing ? awsError("Throttling", "Rate exceeded") : undefined));
        await assert.rejects(run(release(INSTANCE)), /the Auto Scaling hold was not lifted .*ResumeProcesses|the Auto Scaling hold was not lifted .*Throttling/);
        assert.equal(fake.published.at(-1)!.message.outcome, "released-with-failures");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"]);
        // While the crashed release's lease runs, a new hold on the group is refused (it would be resumed under it).
        failing = false;
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
        assert.equal(fake.table.get(RECORD)!.status, "released");
      });

      it("a hold taken while a release is resuming the group's processes waits for it (no resume undoes a new suspension)", async () => {
        ({ fake } = webTier());
        holdOnlyByProtection(fake);
        assert.equal((await run(finding(INSTANCE))).responses[0].outcome, "isolated");
        // The release has taken its lease and is about to resume when the neighbour's isolation asks to hold.
        fake.holdWhen("ResumeProcesses", async () => {
          fake.holdWhen("ResumeProcesses", () => undefined);
          await assert.rejects(run(finding(NEIGHBOUR)), /still in service in its Auto Scaling group/);
        });
        assert.equal((await run(release(INSTANCE))).responses[0].outcome, "released");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
        // The neighbour's retry, after the resume, holds and suspends again.
        assert.equal((await run(finding(NEIGHBOUR))).responses[0].outcome, "isolated");
        assert.deepEqual(fake.asgs.get("web-asg")!.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"]);
        assert.deepEqual(fake.table.get(HOLD)!.holders, [NEIGHBOUR]);
      });
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

  describe("11. a replay is quiet, and counted like every responder's", () => {
    it("replays of an isolation, of a release and of a released finding publish nothing and each count one ReplaysIgnored", async () => {
      ({ fake } = webTier());
      const counted: unknown[][] = [];
      const addMetric = metrics.addMetric;
      metrics.addMetric = (...args: Parameters<typeof addMetric>) => (counted.push(args), metrics);
      try {
        assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "isolated");
        assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "already-isolated");
        assert.equal((await run(fixture("direct-release.json"))).responses[0].outcome, "released");
        assert.equal((await run(fixture("direct-release.json"))).responses[0].outcome, "not-isolated");
        assert.equal((await run(fixture("guardduty-backdoor-cc.json"))).responses[0].outcome, "released-finding");
      } finally {
        metrics.addMetric = addMetric;
      }
      assert.deepEqual(fake.published.map((p) => p.message.outcome), ["isolated", "released"]);
      assert.deepEqual(counted, [
        ["ReplaysIgnored", MetricUnit.Count, 1],
        ["ReplaysIgnored", MetricUnit.Count, 1],
        ["ReplaysIgnored", MetricUnit.Count, 1],
      ]);
    });

    it("the retry that publishes an earlier isolation's missing report is not counted as a replay", async () => {
      ({ fake } = webTier());
      let outage = true;
      fake.failWhen("Publish", () => (outage ? awsError("Throttling", "Rate exceeded") : undefined));
      await assert.rejects(run(fixture("guardduty-backdoor-cc.json")));
      outage = false;
      const counted: unknown[][] = [];
      const addMetric = metrics.addMetric;
      metrics.addMetric = (...args: Parameters<typeof addMetric>) => (counted.push(args), metrics);
      try {
        await run(fixture("guardduty-backdoor-cc.json"));
      } finally {
        metrics.addMetric = addMetric;
      }
      assert.deepEqual(fake.published.map((p) => p.message.outcome), ["isolated"]);
      assert.deepEqual(counted, []);
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
