import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { executePlan } from "../../components/traffic-mirror-feed/lambda/execute";
import { mirrorSupport } from "../../components/traffic-mirror-feed/lambda/instance-types";
import { FEED_TAG, MIRROR_STATUS_TAG, SOURCE_INSTANCE_TAG, type FeedSettings } from "../../components/traffic-mirror-feed/lambda/model";
import { handleFeedEvent, RetryableFailure, type FeedReport } from "../../components/traffic-mirror-feed/lambda/responder";
import { feedSettingsFromEnv } from "../../components/traffic-mirror-feed/lambda/settings";
import { FakeEc2 } from "./fakes";

const FIXTURES = join(__dirname, "../../components/traffic-mirror-feed/fixtures");
const fixture = (name: string): any => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
const ACCOUNT = "123456789012";
const TARGET = "tmt-0aa11bb22cc33dd44";
const FILTER = "tmf-0ee55ff66aa77bb88";
const I1 = "i-0a1b2c3d4e5f60001";
const I2 = "i-0a1b2c3d4e5f60002";
const I3 = "i-0a1b2c3d4e5f60003";

function settings(overrides: Partial<FeedSettings> = {}): FeedSettings {
  return { feedName: "sensor-feed", targetId: TARGET, filterId: FILTER, sessionNumber: 10, tagKey: KamaeTags.trafficMirror, tagValue: "true", mode: "enforce", maxActions: 100, ...overrides };
}

function stateChange(instanceId: string, state: string): unknown {
  const e = fixture("ec2-running.json");
  e.detail = { "instance-id": instanceId, state };
  e.resources = [`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${instanceId}`];
  return e;
}

const selected = { [KamaeTags.trafficMirror]: "true" };

describe("TrafficMirrorFeed sessions function", () => {
  let ec2: FakeEc2;
  let published: Array<{ subject: string; report: FeedReport }>;
  let clients: AccountClients;

  function run(event: unknown, s: FeedSettings = settings()): Promise<FeedReport> {
    return handleFeedEvent(event, {
      settings: s,
      ec2For: (target) => {
        clients.check(target);
        return ec2.client;
      },
      publish: async (subject, report) => {
        published.push({ subject, report });
      },
    });
  }

  beforeEach(() => {
    ec2 = new FakeEc2();
    ec2.targets.set(TARGET, { kind: "nlb" });
    ec2.filters.add(FILTER);
    published = [];
    clients = new AccountClients({ homeAccountId: ACCOUNT, memberAccountIds: [], allowedRegions: ["us-east-1"], sessionName: "test" });
  });

  describe("on state-change events", () => {
    it("creates one tagged session per ENI when a selected instance starts running, and reports it", async () => {
      ec2.addInstance({ id: I1, tags: selected, enis: [{ id: "eni-0000000000000a001", type: "interface" }, { id: "eni-0000000000000a002", type: "interface" }] });
      const report = await run(fixture("ec2-running.json"), settings({ virtualNetworkId: 4242, packetLength: 256 }));
      assert.equal(report.trigger, "state-change");
      assert.deepEqual(report.actions.map((a) => a.kind), ["create-session", "create-session"]);
      assert.deepEqual(report.outcomes.map((o) => o.result), ["done", "done"]);
      for (const eni of ["eni-0000000000000a001", "eni-0000000000000a002"]) {
        const [s] = ec2.sessionsOn(eni);
        assert.equal(s.targetId, TARGET);
        assert.equal(s.filterId, FILTER);
        assert.equal(s.sessionNumber, 10);
        assert.equal(s.virtualNetworkId, 4242);
        assert.equal(s.packetLength, 256);
        assert.deepEqual({ feed: s.tags[FEED_TAG], source: s.tags[SOURCE_INSTANCE_TAG] }, { feed: "sensor-feed", source: I1 });
      }
      assert.equal(published.length, 1);
      assert.match(published[0].subject, /took 2 action\(s\) in 123456789012\/us-east-1/);
      assert.equal(published[0].report.accountId, ACCOUNT);
    });

    it("is idempotent: a duplicate event creates no second session and reports nothing", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      await run(fixture("ec2-running.json"));
      const again = await run(fixture("ec2-running.json"));
      assert.deepEqual(again.actions, []);
      assert.equal(ec2.sessions.size, 1);
      assert.equal(ec2.calls.create, 1);
      assert.equal(published.length, 1);
    });

    it("a replayed create (the response was lost) returns the same session through the client token", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      await run(fixture("ec2-running.json"));
      // The plan of a lost response would create again: the same token must not make a second session.
      const outcomes = await executePlan(ec2.client, { accountId: ACCOUNT, region: "us-east-1", actions: [{ kind: "create-session", instanceId: I1, eniId: `eni-${I1.slice(2)}`, sessionNumber: 10, reason: "replay" }], notes: [], deferred: [] }, settings());
      assert.equal(outcomes[0].result, "done");
      assert.equal(ec2.sessions.size, 1);
    });

    it("ignores instances without the tag, and removes the feed's sessions when the tag is taken away", async () => {
      const i = ec2.addInstance({ id: I1, tags: {} });
      assert.deepEqual((await run(fixture("ec2-running.json"))).actions, []);
      assert.equal(ec2.sessions.size, 0);
      i.tags = { ...selected };
      await run(fixture("ec2-running.json"));
      assert.equal(ec2.sessions.size, 1);
      i.tags = {};
      const report = await run(fixture("ec2-running.json"));
      assert.deepEqual(report.actions.map((a) => a.kind), ["delete-session"]);
      assert.equal(ec2.sessions.size, 0);
    });

    it("removes the instance's sessions when it terminates, though its ENIs are gone, and leaves other tools' sessions", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      ec2.addInstance({ id: I2, tags: selected });
      await run(stateChange(I1, "running"));
      await run(stateChange(I2, "running"));
      const foreign = ec2.addSession({ eniId: `eni-${I1.slice(2)}`, targetId: "tmt-0999999999999999a", filterId: FILTER, sessionNumber: 1, tags: { owner: "other-tool" } });
      ec2.terminate(I1);
      const report = await run(fixture("ec2-terminated.json"));
      assert.deepEqual(report.actions.map((a) => a.kind), ["delete-session"]);
      assert.deepEqual(report.outcomes.map((o) => o.result), ["done"]);
      assert.deepEqual([...ec2.sessions.values()].map((s) => s.tags[SOURCE_INSTANCE_TAG] ?? s.tags.owner).sort(), [I2, "other-tool"].sort());
      assert.ok(ec2.sessions.has(foreign.id));
      // The terminated event delivered again: nothing left to do.
      assert.deepEqual((await run(fixture("ec2-terminated.json"))).actions, []);
    });

    it("an instance EC2 no longer knows (NotFound) still has its sessions removed", async () => {
      ec2.addSession({ eniId: "eni-0000000000000dead", targetId: TARGET, filterId: FILTER, sessionNumber: 10, tags: { [FEED_TAG]: "sensor-feed", [SOURCE_INSTANCE_TAG]: I3 } });
      const report = await run(stateChange(I3, "terminated"));
      assert.deepEqual(report.outcomes.map((o) => [o.action.kind, o.result]), [["delete-session", "done"]]);
      assert.equal(ec2.sessions.size, 0);
    });

    it("a running instance EC2 does not show yet (eventual consistency) makes the event retry, not vanish", async () => {
      await assert.rejects(run(fixture("ec2-running.json")), (err: Error) => err instanceof RetryableFailure && /not yet visible/.test(err.message));
      ec2.addInstance({ id: I1, tags: selected });
      await run(fixture("ec2-running.json"));
      assert.equal(ec2.sessions.size, 1);
    });

    it("stopped and pending change nothing and call nothing", async () => {
      ec2.addInstance({ id: I1, tags: selected, state: "stopped" });
      const report = await run(fixture("ec2-stopped.json"));
      assert.equal(report.trigger, "ignored");
      assert.equal(ec2.calls.describeInstances, 0);
    });

    it("reports an unsupported instance type once, marks it, and does not retry it", async () => {
      ec2.addInstance({ id: I1, tags: selected, type: "t2.micro" });
      const first = await run(fixture("ec2-running.json"));
      assert.deepEqual(first.actions.map((a) => a.kind), ["mark-instance"]);
      assert.match(first.actions[0].reason, /t2\.micro is a non-Nitro \(Xen\) type/);
      assert.equal(ec2.instances.get(I1)!.tags[MIRROR_STATUS_TAG], "unsupported");
      assert.equal(ec2.calls.create, 0, "no doomed create call");
      assert.equal(published.length, 1);
      const second = await run(fixture("ec2-running.json"));
      const reconcile = await run(fixture("scheduled-reconcile.json"));
      assert.deepEqual([...second.actions, ...reconcile.actions], []);
      assert.match(second.notes.join(), /already reported as unsupported/);
      assert.equal(published.length, 1, "reported once");
    });

    it("marks the instance when AWS itself refuses a type our list thought supported", async () => {
      // A family the documented list does not name is assumed supported; here AWS refuses it.
      assert.equal(mirrorSupport("zz9.large").supported, true);
      ec2.refusedTypes.add("zz9.large");
      ec2.addInstance({ id: I1, tags: selected, type: "zz9.large", enis: [{ id: "eni-0000000000000c001", type: "interface" }, { id: "eni-0000000000000c002", type: "interface" }] });
      const report = await run(fixture("ec2-running.json"));
      assert.deepEqual(
        report.outcomes.map((o) => [o.action.kind, o.result]),
        [["create-session", "failed"], ["mark-instance", "done"], ["create-session", "not-executed"]],
      );
      assert.equal(ec2.calls.create, 1, "the second ENI is not tried once AWS refused the instance");
      assert.equal(ec2.instances.get(I1)!.tags[MIRROR_STATUS_TAG], "unsupported");
      await run(fixture("scheduled-reconcile.json"));
      assert.equal(ec2.calls.create, 1, "not retried by the reconciler");
    });

    it("stays within AWS's session limits per ENI: next free number, and a full ENI is reported", async () => {
      ec2.addInstance({ id: I1, tags: selected, enis: [{ id: "eni-0000000000000b001", type: "interface" }, { id: "eni-0000000000000b002", type: "interface" }, { id: "eni-0000000000000b003", type: "efa" }] });
      ec2.addSession({ eniId: "eni-0000000000000b001", targetId: "tmt-0999999999999999a", filterId: "tmf-0999999999999999a", sessionNumber: 10, tags: {} });
      ec2.addSession({ eniId: "eni-0000000000000b001", targetId: "tmt-0999999999999999a", filterId: "tmf-0999999999999999a", sessionNumber: 11, tags: {} });
      for (const n of [1, 2, 3]) ec2.addSession({ eniId: "eni-0000000000000b002", targetId: "tmt-0999999999999999a", filterId: "tmf-0999999999999999a", sessionNumber: n, tags: {} });
      const report = await run(fixture("ec2-running.json"));
      const create = report.actions.find((a) => a.kind === "create-session");
      assert.ok(create && create.kind === "create-session");
      assert.equal(create.eniId, "eni-0000000000000b001");
      assert.equal(create.sessionNumber, 12);
      assert.match(create.reason, /session number 10 is taken/);
      assert.ok(report.actions.some((a) => a.kind === "mark-instance" && a.status === "session-limit"));
      assert.match(report.notes.join("\n"), /eni-0000000000000b002 .* already has 3 sessions/);
      assert.match(report.notes.join("\n"), /eni-0000000000000b003 .* type efa/);
      assert.equal(ec2.sessionsOn("eni-0000000000000b001").length, 3);
      assert.equal(ec2.sessionsOn("eni-0000000000000b002").length, 3);
      for (const eni of ["eni-0000000000000b001", "eni-0000000000000b002"]) {
        const numbers = ec2.sessionsOn(eni).map((s) => s.sessionNumber);
        assert.equal(new Set(numbers).size, numbers.length, "session numbers unique per ENI");
      }
    });

    it("detect mode reports what it would do and changes nothing", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      const report = await run(fixture("ec2-running.json"), settings({ mode: "detect" }));
      assert.deepEqual(report.actions.map((a) => a.kind), ["create-session"]);
      assert.deepEqual(report.outcomes.map((o) => o.result), ["not-executed"]);
      assert.equal(ec2.sessions.size, 0);
      assert.equal(ec2.calls.create, 0);
      assert.match(published[0].subject, /would take 1 action/);
    });

    it("throttling: the event fails after reporting, for Lambda to retry; the replay finishes the job", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      ec2.throttleWrites = 1;
      await assert.rejects(run(fixture("ec2-running.json")), RetryableFailure);
      assert.equal(published[0].report.outcomes[0].result, "failed");
      assert.equal(ec2.sessions.size, 0);
      const replay = await run(fixture("ec2-running.json"));
      assert.deepEqual(replay.outcomes.map((o) => o.result), ["done"]);
      assert.equal(ec2.sessions.size, 1);
    });
  });

  describe("malformed and foreign events", () => {
    const hostile: Array<[string, unknown]> = [
      ["null", null],
      ["an array", [fixture("ec2-running.json")]],
      ["a bad instance id", stateChange("i-../../etc", "running")],
      ["an unknown state", stateChange(I1, "exploded")],
      ["another source", { ...fixture("ec2-running.json"), source: "custom.attacker" }],
      ["a bad account", { ...fixture("ec2-running.json"), account: "12345" }],
      ["a __proto__ detail", JSON.parse('{"version":"0","id":"x","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","account":"123456789012","time":"2026-11-23T01:00:00Z","region":"us-east-1","detail":{"__proto__":{"instance-id":"i-0a1b2c3d4e5f60001","state":"running"}}}')],
    ];
    for (const [what, event] of hostile) {
      it(`rejects ${what} without acting`, async () => {
        ec2.addInstance({ id: I1, tags: selected });
        const report = await run(event);
        assert.equal(report.trigger, "rejected");
        assert.ok(report.rejected && report.rejected.length > 0);
        assert.equal(ec2.calls.describeInstances + ec2.calls.create, 0);
      });
    }

    it("refuses an event from an account or Region it is not enrolled in", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      const foreign = { ...fixture("ec2-running.json"), account: "999988887777" };
      const report = await run(foreign);
      assert.equal(report.trigger, "rejected");
      assert.match(report.rejected!, /999988887777 is not enrolled/);
      const otherRegion = { ...fixture("ec2-running.json"), region: "eu-west-1" };
      assert.match((await run(otherRegion)).rejected!, /eu-west-1/);
      assert.equal(ec2.calls.describeInstances, 0);
    });

    it("random events never throw and never act", async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), fc.jsonValue()), async (event) => {
          const report = await run(event);
          assert.ok(report.trigger === "rejected" || report.trigger === "ignored", "random input never reaches EC2");
        }),
        { numRuns: 300 },
      );
      assert.equal(ec2.calls.create + ec2.calls.delete + ec2.calls.createTags, 0);
    });
  });

  describe("scheduled reconciliation", () => {
    it("catches missed launches and terminations and leaves the rest alone", async () => {
      for (const id of [I1, I2, I3]) ec2.addInstance({ id, tags: selected });
      ec2.addInstance({ id: "i-0a1b2c3d4e5f60004", tags: {} });
      ec2.addInstance({ id: "i-0a1b2c3d4e5f60005", tags: selected, state: "stopped" });
      await run(stateChange(I1, "running"));
      // I2 and I3 launched while the function missed the events; I1 terminated unseen; a session of an instance that
      // was untagged later is orphaned; another tool's session must stay.
      ec2.terminate(I1);
      ec2.addSession({ eniId: "eni-0a1b2c3d4e5f60004", targetId: TARGET, filterId: FILTER, sessionNumber: 10, tags: { [FEED_TAG]: "sensor-feed", [SOURCE_INSTANCE_TAG]: "i-0a1b2c3d4e5f60004" } });
      ec2.addSession({ eniId: "eni-0a1b2c3d4e5f60004", targetId: "tmt-0999999999999999a", filterId: FILTER, sessionNumber: 1, tags: {} });
      const report = await run(fixture("scheduled-reconcile.json"));
      assert.equal(report.trigger, "schedule");
      const summary = report.actions.map((a) => `${a.kind} ${a.kind === "create-session" ? a.instanceId : a.kind === "delete-session" ? a.instanceId : ""}`).sort();
      assert.deepEqual(summary, [`create-session ${I2}`, `create-session ${I3}`, `delete-session ${I1}`, "delete-session i-0a1b2c3d4e5f60004"].sort());
      assert.ok(report.outcomes.every((o) => o.result === "done"));
      const byInstance = [...ec2.sessions.values()].map((s) => s.tags[SOURCE_INSTANCE_TAG] ?? "foreign").sort();
      assert.deepEqual(byInstance, [I2, I3, "foreign"].sort());
      // A second pass has nothing to do.
      assert.deepEqual((await run(fixture("scheduled-reconcile.json"))).actions, []);
    });

    it("keeps sessions of stopped selected instances and crosses Describe pages", async () => {
      for (let n = 1; n <= 7; n++) ec2.addInstance({ id: `i-0a1b2c3d4e5f6000${n}`, tags: selected });
      await run(fixture("scheduled-reconcile.json"));
      assert.equal(ec2.sessions.size, 7);
      ec2.instances.get(I1)!.state = "stopped";
      const report = await run(fixture("scheduled-reconcile.json"));
      assert.deepEqual(report.actions, []);
      assert.equal(ec2.sessions.size, 7);
    });

    it("applies the safety limit and defers the rest to the next run", async () => {
      for (let n = 1; n <= 5; n++) ec2.addInstance({ id: `i-0a1b2c3d4e5f6000${n}`, tags: selected });
      const first = await run(fixture("scheduled-reconcile.json"), settings({ maxActions: 2 }));
      assert.equal(first.actions.length, 2);
      assert.equal(first.deferred.length, 3);
      assert.equal(ec2.sessions.size, 2);
      await run(fixture("scheduled-reconcile.json"), settings({ maxActions: 2 }));
      await run(fixture("scheduled-reconcile.json"), settings({ maxActions: 2 }));
      assert.equal(ec2.sessions.size, 5);
    });

    it("a throttled action in a reconciliation is reported and retried by the next run, without failing the run", async () => {
      ec2.addInstance({ id: I1, tags: selected });
      ec2.addInstance({ id: I2, tags: selected });
      ec2.throttleWrites = 1;
      const report = await run(fixture("scheduled-reconcile.json"));
      assert.deepEqual(report.outcomes.map((o) => o.result), ["failed", "done"]);
      await run(fixture("scheduled-reconcile.json"));
      assert.equal(ec2.sessions.size, 2);
    });
  });

  describe("settings", () => {
    const env = { KAMAE_FEED_NAME: "sensor-feed", KAMAE_TARGET_ID: TARGET, KAMAE_FILTER_ID: FILTER };
    it("reads the documented variables with defaults", () => {
      const s = feedSettingsFromEnv({ ...env, KAMAE_VIRTUAL_NETWORK_ID: "77", KAMAE_MODE: "detect" });
      assert.deepEqual(s, { feedName: "sensor-feed", targetId: TARGET, filterId: FILTER, sessionNumber: 1, virtualNetworkId: 77, packetLength: undefined, tagKey: KamaeTags.trafficMirror, tagValue: "true", mode: "detect", maxActions: 100, reportTopicArn: undefined });
    });
    it("refuses bad values by name", () => {
      assert.throws(() => feedSettingsFromEnv({ ...env, KAMAE_TARGET_ID: "eni-123" }), /KAMAE_TARGET_ID/);
      assert.throws(() => feedSettingsFromEnv({ ...env, KAMAE_SESSION_NUMBER: "32767" }), /KAMAE_SESSION_NUMBER/);
      assert.throws(() => feedSettingsFromEnv({ ...env, KAMAE_VIRTUAL_NETWORK_ID: "16777216" }), /KAMAE_VIRTUAL_NETWORK_ID/);
      assert.throws(() => feedSettingsFromEnv({ ...env, KAMAE_PACKET_LENGTH: "0" }), /KAMAE_PACKET_LENGTH/);
      assert.throws(() => feedSettingsFromEnv({ KAMAE_TARGET_ID: TARGET, KAMAE_FILTER_ID: FILTER }), /KAMAE_FEED_NAME/);
    });
  });

  it("instance types: the documented exclusions and the non-Nitro exceptions", () => {
    for (const t of ["t2.micro", "m3.medium", "c3.large", "m5.metal", "i3.metal", "c6i.xlarge", "m7g.large", "r6a.2xlarge", "inf2.xlarge", "hpc7g.16xlarge", "m7i-flex.large", "nonsense"]) {
      assert.equal(mirrorSupport(t).supported, false, t);
    }
    for (const t of ["m5.large", "c5n.xlarge", "t3.micro", "t3a.small", "m4.large", "c4.xlarge", "i3.large", "r4.large", "x1e.xlarge", "m8i.large", "c7i-flex.large"]) {
      assert.equal(mirrorSupport(t).supported, true, t);
    }
  });
});
