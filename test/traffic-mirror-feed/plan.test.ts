import { strict as assert } from "node:assert";
import type { FeedSettings, InstanceView, SessionView } from "../../components/traffic-mirror-feed/lambda/model";
import { planFeed, type ObservedState } from "../../components/traffic-mirror-feed/lambda/plan";

// planFeed directly, against Traffic Mirroring's documented limits (User Guide, "Traffic mirroring quotas": 3 sessions
// per source network interface; session numbers 1-32766; only "interface" ENIs are sources).
const settings: FeedSettings = { feedName: "ids", targetId: "tmt-ours", filterId: "tmf-ours", sessionNumber: 10, tagKey: "kamae:mirror", tagValue: "true", mode: "enforce", maxActions: 50 };
const instance = (extra: Partial<InstanceView> = {}): InstanceView => ({ instanceId: "i-0aaaaaaaaaaaaaaa1", state: "running", instanceType: "m5.large", selected: true, networkInterfaces: [{ eniId: "eni-1", interfaceType: "interface" }], ...extra });
const session = (extra: Partial<SessionView> = {}): SessionView => ({ sessionId: "tms-x", eniId: "eni-1", targetId: "tmt-other", filterId: "tmf-other", sessionNumber: 1, managed: false, ...extra });
const state = (instances: InstanceView[], sessions: SessionView[] = []): ObservedState => ({ accountId: "111122223333", region: "us-east-1", instances, sessions });

describe("TrafficMirrorFeed plan", () => {
  it("mirrors every interface ENI of a selected running instance at the preferred session number", () => {
    const plan = planFeed(state([instance({ networkInterfaces: [{ eniId: "eni-2", interfaceType: "interface" }, { eniId: "eni-1", interfaceType: "interface" }] })]), settings, "instances");
    assert.deepEqual(plan.actions, [
      { kind: "create-session", instanceId: "i-0aaaaaaaaaaaaaaa1", eniId: "eni-1", sessionNumber: 10, reason: "selected instance i-0aaaaaaaaaaaaaaa1 is running; eni-1 is not mirrored" },
      { kind: "create-session", instanceId: "i-0aaaaaaaaaaaaaaa1", eniId: "eni-2", sessionNumber: 10, reason: "selected instance i-0aaaaaaaaaaaaaaa1 is running; eni-2 is not mirrored" },
    ]);
    assert.deepEqual([plan.notes, plan.deferred, plan.accountId, plan.region], [[], [], "111122223333", "us-east-1"]);
  });

  it("takes the next free session number above one another tool uses, and says so", () => {
    const plan = planFeed(state([instance()], [session({ sessionNumber: 10 }), session({ sessionId: "tms-y", sessionNumber: 11 })]), settings, "instances");
    assert.deepEqual(plan.actions.map((a) => [a.kind, (a as { sessionNumber?: number }).sessionNumber, a.reason]), [
      ["create-session", 12, "selected instance i-0aaaaaaaaaaaaaaa1 is running; eni-1 is not mirrored (session number 10 is taken by another session)"],
    ]);
  });

  it("leaves an ENI mirrored by the feed, or by a session to the feed's own target and filter, as it is", () => {
    assert.deepEqual(planFeed(state([instance()], [session({ managed: true, sourceInstanceId: "i-0aaaaaaaaaaaaaaa1" })]), settings, "instances").actions, []);
    assert.deepEqual(planFeed(state([instance()], [session({ targetId: "tmt-ours", filterId: "tmf-ours" })]), settings, "instances").actions, []);
    // Our target with another filter is another tool's session.
    assert.equal(planFeed(state([instance()], [session({ targetId: "tmt-ours" })]), settings, "instances").actions[0].kind, "create-session");
    assert.equal(planFeed(state([instance()], [session({ filterId: "tmf-ours" })]), settings, "instances").actions[0].kind, "create-session");
  });

  it("marks an instance whose ENI already has AWS's 3 sessions, or no free number up to 32766", () => {
    const full = planFeed(state([instance()], [1, 2, 3].map((n) => session({ sessionId: `tms-${n}`, sessionNumber: n }))), settings, "instances");
    assert.deepEqual(full.actions, [{ kind: "mark-instance", instanceId: "i-0aaaaaaaaaaaaaaa1", status: "session-limit", reason: "an ENI of i-0aaaaaaaaaaaaaaa1 has no room for another mirror session" }]);
    assert.deepEqual(full.notes, ["eni-1 of i-0aaaaaaaaaaaaaaa1 already has 3 sessions, AWS's limit per ENI"]);
    const last = { ...settings, sessionNumber: 32766 };
    const noNumber = planFeed(state([instance()], [session({ sessionNumber: 32766 })]), last, "instances");
    assert.deepEqual(noNumber.actions.map((a) => a.kind), ["mark-instance"]);
    assert.deepEqual(noNumber.notes, ["eni-1 of i-0aaaaaaaaaaaaaaa1: no free session number at or after 32766"]);
    assert.deepEqual(planFeed(state([instance()], [session({ sessionNumber: 32765 })]), last, "instances").actions.map((a) => (a as { sessionNumber?: number }).sessionNumber), [32766]);
    // Two sessions leave room for a third.
    assert.equal(planFeed(state([instance()], [1, 2].map((n) => session({ sessionId: `tms-${n}`, sessionNumber: n }))), settings, "instances").actions[0].kind, "create-session");
  });

  it("skips ENIs that are not of type interface, with a note", () => {
    const plan = planFeed(state([instance({ networkInterfaces: [{ eniId: "eni-9", interfaceType: "efa" }] })]), settings, "instances");
    assert.deepEqual(plan.actions, []);
    assert.deepEqual(plan.notes, ['eni-9 of i-0aaaaaaaaaaaaaaa1 is of type efa: Traffic Mirroring only mirrors type "interface"']);
  });

  it("marks an unsupported type once, and skips an instance already marked", () => {
    const metal = planFeed(state([instance({ instanceType: "m5.metal" })]), settings, "instances");
    assert.deepEqual(metal.actions.map((a) => [a.kind, (a as { status?: string }).status]), [["mark-instance", "unsupported"]]);
    const marked = planFeed(state([instance({ mirrorStatus: "unsupported" })]), settings, "instances");
    assert.deepEqual([marked.actions, marked.notes], [[], ["instance i-0aaaaaaaaaaaaaaa1 skipped: already reported as unsupported (delete tag to retry)"]]);
    assert.equal(planFeed(state([instance({ mirrorStatus: "" })]), settings, "instances").actions[0].kind, "create-session");
  });

  it("removes the feed's sessions of a gone or unselected instance, naming why, and never another tool's", () => {
    const sessions = [session({ sessionId: "tms-feed", managed: true, sourceInstanceId: "i-0aaaaaaaaaaaaaaa1", eniId: "eni-gone" }), session({ sessionId: "tms-other" })];
    const gone = planFeed(state([instance({ state: "terminated", networkInterfaces: [] })], sessions), settings, "instances");
    assert.deepEqual(gone.actions, [{ kind: "delete-session", sessionId: "tms-feed", eniId: "eni-gone", instanceId: "i-0aaaaaaaaaaaaaaa1", reason: "instance i-0aaaaaaaaaaaaaaa1 is terminated" }]);
    const onEni = [session({ sessionId: "tms-feed", managed: true, eniId: "eni-1" })];
    const unselected = planFeed(state([instance({ selected: false })], onEni), settings, "instances");
    assert.deepEqual(unselected.actions.map((a) => [a.kind, a.reason]), [["delete-session", "instance i-0aaaaaaaaaaaaaaa1 no longer carries kamae:mirror=true"]]);
    assert.deepEqual(planFeed(state([instance({ state: "stopped" })], onEni), settings, "instances").actions, []);
    assert.deepEqual(planFeed(state([instance({ state: "pending" })]), settings, "instances").actions, []);
  });

  it("in a full reconciliation, also removes the feed's sessions whose instance was not seen, exactly once", () => {
    const orphan = session({ sessionId: "tms-orphan", managed: true, sourceInstanceId: "i-0bbbbbbbbbbbbbbb2", eniId: "eni-7" });
    const untagged = session({ sessionId: "tms-untagged", managed: true, eniId: "eni-8" });
    const kept = session({ sessionId: "tms-kept", managed: true, sourceInstanceId: "i-0aaaaaaaaaaaaaaa1", eniId: "eni-old" });
    const other = session({ sessionId: "tms-other", eniId: "eni-7" });
    const terminated = instance({ instanceId: "i-0ccccccccccccccc3", state: "terminated", networkInterfaces: [] });
    const ofTerminated = session({ sessionId: "tms-term", managed: true, sourceInstanceId: "i-0ccccccccccccccc3", eniId: "eni-5" });
    const s = state([instance({ state: "stopped" }), terminated], [orphan, untagged, kept, other, ofTerminated]);
    assert.deepEqual(planFeed(s, settings, "all").actions.map((a) => [(a as { sessionId: string }).sessionId, a.reason]), [
      ["tms-term", "instance i-0ccccccccccccccc3 is terminated"],
      ["tms-orphan", "source instance is gone or no longer selected"],
      ["tms-untagged", "source instance is gone or no longer selected"],
    ]);
    assert.deepEqual(planFeed(s, settings, "instances").actions.map((a) => (a as { sessionId: string }).sessionId), ["tms-term"]);
    // A feed session without its source tag, on an ENI of an instance observed, belongs to that instance: kept.
    const onObservedEni = session({ sessionId: "tms-on-eni", managed: true, eniId: "eni-1" });
    assert.deepEqual(planFeed(state([instance({ state: "stopped" })], [onObservedEni]), settings, "all").actions, []);
  });

  it("plans instances in id order, whatever order they were read in", () => {
    const ids = ["i-0ccccccccccccccc3", "i-0aaaaaaaaaaaaaaa1", "i-0bbbbbbbbbbbbbbb2"];
    const plan = planFeed(state(ids.map((instanceId, i) => instance({ instanceId, networkInterfaces: [{ eniId: `eni-${i}`, interfaceType: "interface" }] }))), settings, "instances");
    assert.deepEqual(plan.actions.map((a) => a.instanceId), [...ids].sort());
  });

  it("acts at most maxActions times, deferring the rest with a note", () => {
    const many = Array.from({ length: 5 }, (_, i) => instance({ instanceId: `i-0aaaaaaaaaaaaaa${i}0`, networkInterfaces: [{ eniId: `eni-${i}`, interfaceType: "interface" }] }));
    const plan = planFeed(state(many), { ...settings, maxActions: 3 }, "instances");
    assert.deepEqual([plan.actions.length, plan.deferred.length], [3, 2]);
    assert.deepEqual(plan.notes, ["2 actions deferred to the next run (safety limit of 3 per run)"]);
    assert.deepEqual(planFeed(state(many), { ...settings, maxActions: 5 }, "instances").notes, []);
  });
});
