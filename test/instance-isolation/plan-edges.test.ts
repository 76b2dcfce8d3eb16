import { strict as assert } from "node:assert";
import type { Action, IsolationGroup, IsolationRecord, IsolationRequest, ObservedState, ReleaseRequest } from "../../components/instance-isolation/lambda/model";
import { allowsEverything, inScope, isNewerUpdate, planIsolation, planRelease, SURROUNDING_STEPS, type Decision } from "../../components/instance-isolation/lambda/plan";
import { isolationSettingsFromEnv, type IsolationSettings } from "../../components/instance-isolation/lambda/settings";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { BASE_ENV } from "./scenario";

// The plan's edges: each guard and each step's condition on both sides, and what the operator reads (every decision's
// detail and every action's reason say something).
const settings = { ...isolationSettingsFromEnv(BASE_ENV), snapshots: false };
const VPC = "vpc-0a1b2c3d4e5f60718";
const PROFILE = `arn:aws:iam::111122223333:instance-profile/${settings.isolationProfileName}`;
const WEB_PROFILE = "arn:aws:iam::111122223333:instance-profile/web";
const request: IsolationRequest = { kind: "isolate", target: { accountId: "111122223333", region: "us-east-1" }, instanceId: "i-0123456789abcdef0", reason: "r", findingId: "f-1", source: "guardduty", updatedAt: "2026-11-23T00:00:00Z" };
const release: ReleaseRequest = { kind: "release", target: request.target, instanceId: request.instanceId, reason: "r" };
const allowAll = [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }];
// What EC2 puts in a new security group: one outbound rule to everywhere (VPC user guide, "Default security group rules").
const defaultEgress = [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }];
const empty: IsolationGroup = { groupId: "sg-empty", vpcId: VPC, role: "empty", ingress: [], egress: [] };
const transition: IsolationGroup = { groupId: "sg-transition", vpcId: VPC, role: "transition", ingress: allowAll, egress: allowAll };

function observed(extra: Partial<ObservedState> = {}, original: Partial<ObservedState["original"]> = {}): ObservedState {
  return {
    found: true,
    instanceState: "running",
    tags: { [KamaeTags.isolationScope]: "true" },
    original: {
      targets: [],
      networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-web"] }],
      addresses: [],
      instanceProfileArn: WEB_PROFILE,
      disableApiTermination: true,
      shutdownBehavior: "stop",
      volumes: [],
      ...original,
    },
    addressAssociations: [],
    registeredTargets: [],
    isolationGroups: [empty, transition],
    ...extra,
  };
}

const record = (extra: Partial<IsolationRecord> = {}): IsolationRecord => ({
  pk: "111122223333/us-east-1/i-0123456789abcdef0",
  status: "isolated",
  accountId: "111122223333",
  region: "us-east-1",
  instanceId: request.instanceId,
  original: observed().original,
  findingId: "f-0",
  source: "guardduty",
  reason: "r",
  isolatedAt: "2026-11-22T00:00:00Z",
  ...extra,
});

const plan = (o: ObservedState = observed(), r?: IsolationRecord, s: IsolationSettings = settings, req: IsolationRequest = request) => planIsolation(req, o, r, s, "2026-11-23T01:00:00Z");
const steps = (d: Decision) => d.actions.map((a) => a.step);
const has = (d: Decision, step: Action["step"]) => d.actions.some((a) => a.step === step);

/** A decision the operator can read: a detail, a reason for every action, none printing a missing value. */
function readable(d: Decision): Decision {
  assert.ok(d.detail.length > 5 && !/undefined|null|NaN/.test(d.detail), d.detail);
  for (const a of d.actions) assert.ok(a.reason.length > 10 && !/undefined|null|NaN/.test(a.reason), `${a.step}: "${a.reason}"`);
  // Only an acting decision can be a new isolation (the breaker and the record are for those).
  if (d.outcome !== "act") assert.equal(d.isNew, false);
  return d;
}

describe("isolation plan: edges", () => {
  describe("allowsEverything (AWS stops tracking flows only under allow-all rules in both directions and families)", () => {
    it("adds rules up: IPv4 from one all-protocols rule and IPv6 from another", () => {
      assert.equal(allowsEverything([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }, { IpProtocol: "-1", Ipv6Ranges: [{ CidrIpv6: "::/0" }] }]), true);
      assert.equal(allowsEverything([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "10.0.0.0/8" }, { CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "fd00::/8" }, { CidrIpv6: "::/0" }] }]), true);
    });

    it("needs the whole address space, not a part of it", () => {
      assert.equal(allowsEverything([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "10.0.0.0/8" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }]), false);
      assert.equal(allowsEverything([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "fd00::/8" }] }]), false);
      assert.equal(allowsEverything([]), false);
    });
  });

  it("isNewerUpdate: a finding with no update time is never newer; one recorded without a time is always older", () => {
    assert.equal(isNewerUpdate(undefined, ""), false);
    assert.equal(isNewerUpdate(undefined, "2026-11-22T00:00:00Z"), false);
    assert.equal(isNewerUpdate("2026-11-22T00:00:00Z", ""), true);
    assert.equal(isNewerUpdate("2026-11-22T00:00:01Z", "2026-11-22T00:00:00Z"), true);
    assert.equal(isNewerUpdate("2026-11-22T00:00:00Z", "2026-11-22T00:00:00Z"), false);
  });

  describe("guards", () => {
    it("treats a terminated or terminating instance as gone, naming it and where it was looked for", () => {
      for (const instanceState of ["terminated", "shutting-down"]) {
        const d = readable(plan(observed({ instanceState })));
        assert.equal(d.outcome, "not-found");
        assert.match(d.detail, /i-0123456789abcdef0.*111122223333\/us-east-1/);
      }
      assert.equal(plan(observed({ instanceState: "stopped" })).outcome, "act");
    });

    it("names the protection tag", () => {
      const d = readable(plan(observed({ tags: { [settings.protectionTagKey]: "true", [KamaeTags.isolationScope]: "true" } })));
      assert.equal(d.outcome, "protected");
      assert.ok(d.detail.includes(`${settings.protectionTagKey}=true`), d.detail);
    });

    it("names the scope it applied: the tag, the groups, or both", () => {
      const outside = observed({ tags: {} }, { autoScalingGroupName: "batch" });
      assert.equal(readable(plan(outside)).detail, `the instance is outside the isolation scope (tag ${settings.scopeTagKey}=true)`);
      const both = { ...settings, scopeAutoScalingGroups: ["web-a", "web-b"] };
      assert.equal(readable(plan(outside, undefined, both)).detail, `the instance is outside the isolation scope (tag ${settings.scopeTagKey}=true or groups web-a, web-b)`);
      const groupsOnly = { ...settings, scopeTagKey: "", scopeAutoScalingGroups: ["web-a"] };
      assert.equal(readable(plan(observed(), undefined, groupsOnly)).detail, "the instance is outside the isolation scope (groups web-a)");
    });

    it("finds an instance in scope through its group, or the group it had when first isolated", () => {
      const groups = { ...settings, scopeTagKey: "", scopeAutoScalingGroups: ["web-a"] };
      assert.equal(inScope(observed({ tags: {} }, { autoScalingGroupName: "web-a" }), undefined, groups), true);
      assert.equal(inScope(observed({ tags: {} }, { autoScalingGroupName: "web-b" }), undefined, groups), false);
      assert.equal(inScope(observed({ tags: {} }), undefined, groups), false);
      const detached = record({ original: { ...observed().original, autoScalingGroupName: "web-a" } });
      assert.equal(inScope(observed({ tags: {} }), detached, groups), true);
      // A tag scope of "" is no scope: the tag key "" never matches.
      assert.equal(inScope(observed({ tags: { "": "true" } }), undefined, groups), false);
    });

    it("reads a release of the same finding only when the record says it was released", () => {
      const released = record({ status: "released", releasedFindings: { "f-1": "2026-11-23T00:00:00Z" } });
      const replay = readable(plan(observed(), released));
      assert.equal(replay.outcome, "released-finding");
      assert.ok(replay.detail.includes("f-1"), replay.detail);
      const updated = readable(plan(observed(), released, settings, { ...request, updatedAt: "2026-11-23T00:30:00Z" }));
      assert.equal(updated.outcome, "finding-updated-after-release");
      assert.ok(updated.detail.includes("f-1") && updated.detail.includes("2026-11-23T00:30:00Z"), updated.detail);
      // Released without any finding recorded (a direct release): the finding isolates again.
      assert.equal(plan(observed(), record({ status: "released" })).outcome, "act");
      // The same findings on a record still isolated do not stop a resume.
      assert.equal(plan(observed(), record({ releasedFindings: { "f-1": "2026-11-23T00:00:00Z" } })).outcome, "act");
    });
  });

  describe("steps", () => {
    it("gives a reason for every step of a full isolation", () => {
      const o = observed(
        { registeredTargets: [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef", id: request.instanceId, port: 80 }], addressAssociations: [{ associationId: "eipassoc-1", publicIp: "203.0.113.7", allocationId: "eipalloc-1" }], isolationGroups: [], tags: { [KamaeTags.isolationScope]: "true" }, autoScaling: { lifecycleState: "InService", protectedFromScaleIn: false } },
        { disableApiTermination: false, shutdownBehavior: "terminate", volumes: [{ volumeId: "vol-1", deviceName: "/dev/xvda", deleteOnTermination: true }], autoScalingGroupName: "web" } as Partial<ObservedState["original"]>,
      );
      const d = readable(plan(o, undefined, { ...settings, snapshots: true, revokeRoleSessions: true }));
      assert.equal(d.detail, "isolating");
      assert.equal(d.isNew, true);
      assert.deepEqual(steps(d), [
        "preserve-evidence", "preserve-evidence", "preserve-volumes", "tag", "detach-asg", "deregister-target",
        "prepare-isolation-group", "prepare-isolation-group", "cut-transition", "cut-isolate",
        "disassociate-eip", "replace-profile", "revoke-sessions", "snapshot",
      ]);
      const groupReasons = d.actions.filter((a) => a.step === "prepare-isolation-group").map((a) => a.reason);
      assert.deepEqual(groupReasons, [`no isolation group in ${VPC} yet`, `no transition group in ${VPC} yet`]);
      // The attributes are ModifyInstanceAttribute's names.
      assert.deepEqual(d.actions.filter((a) => a.step === "preserve-evidence").map((a) => (a as { attribute: string }).attribute), ["disableApiTermination", "instanceInitiatedShutdownBehavior"]);
      const detach = d.actions.find((a) => a.step === "detach-asg")!;
      assert.match(detach.reason, /^leave the Auto Scaling group .* Falls back to Standby, then to scale-in protection/);
    });

    it("the instance alone settles the decision: target health and isolation groups only add their own steps", () => {
      const tg = { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef", id: request.instanceId, port: 80 };
      const isolated = { [KamaeTags.isolationScope]: "true", [KamaeTags.isolationStatus]: "isolated" };
      const cases: Array<[string, ObservedState, IsolationRecord | undefined]> = [
        ["new", observed({ registeredTargets: [tg] }, { disableApiTermination: false, autoScalingGroupName: "web" }), undefined],
        ["resumed, the profile left", observed({ tags: isolated, registeredTargets: [tg] }), record()],
        ["only the cut left", observed({ tags: isolated }, { instanceProfileArn: PROFILE }), record({ status: "isolating" })],
        ["only the target groups left", observed({ tags: isolated, registeredTargets: [tg] }, { networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }], instanceProfileArn: PROFILE }), record()],
        ["nothing left", observed({ tags: isolated }, { networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }], instanceProfileArn: PROFILE }), record()],
        ["protected", observed({ tags: { ...isolated, [settings.protectionTagKey]: "true" }, registeredTargets: [tg] }), undefined],
        ["gone", { ...observed({ registeredTargets: [tg] }), found: false }, undefined],
      ];
      const settled: string[] = [];
      for (const [name, full, r] of cases) {
        const first = plan({ ...full, registeredTargets: [], isolationGroups: [] }, r);
        const final = plan(full, r);
        const own = (d: Decision) => d.actions.filter((a) => !SURROUNDING_STEPS.has(a.step));
        if (first.outcome !== "act" || own(first).length === 0) continue;
        settled.push(name);
        assert.equal(final.outcome, "act", name);
        assert.equal(final.isNew, first.isNew, name);
        assert.deepEqual(own(final), own(first), name);
      }
      assert.deepEqual(settled, ["new", "resumed, the profile left"], "the others wait for the second round");
    });

    it("strips rules from an isolation group that gained some, outbound ones included", () => {
      // A group created by hand keeps EC2's default outbound rule: flows out would still pass.
      const leaky = { ...empty, egress: defaultEgress };
      const d = readable(plan(observed({ isolationGroups: [leaky, transition], tags: { [KamaeTags.isolationScope]: "true", [KamaeTags.isolationStatus]: "isolated" } }, { networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }], instanceProfileArn: PROFILE })));
      assert.deepEqual(steps(d), ["prepare-isolation-group"]);
      assert.equal(d.actions[0].reason, "the isolation group has rules: strip them");
    });

    it("completes a transition group that lacks its allow-all rules", () => {
      const half = { ...transition, egress: defaultEgress };
      const d = readable(plan(observed({ isolationGroups: [empty, half] })));
      const prepare = d.actions.filter((a) => a.step === "prepare-isolation-group");
      assert.deepEqual(prepare.map((a) => [a.step === "prepare-isolation-group" && a.role, a.reason]), [["transition", "the transition group lacks its allow-all rules"]]);
    });

    it("cuts an ENI that is in the empty group and another one: only the empty group alone isolates", () => {
      const d = plan(observed({}, { networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty", "sg-web"] }] }));
      assert.deepEqual(steps(d).filter((s) => s.startsWith("cut-")), ["cut-transition", "cut-isolate"]);
    });

    it("uses each VPC's own isolation groups", () => {
      const OTHER = "vpc-0fedcba9876543210";
      const groups = [empty, transition, { ...empty, groupId: "sg-empty-2", vpcId: OTHER }, { ...transition, groupId: "sg-transition-2", vpcId: OTHER }];
      const o = observed({ isolationGroups: groups, tags: { [KamaeTags.isolationScope]: "true", [KamaeTags.isolationStatus]: "isolated" } }, {
        networkInterfaces: [
          { networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] },
          { networkInterfaceId: "eni-1", vpcId: OTHER, groupIds: ["sg-empty"] },
        ],
        instanceProfileArn: PROFILE,
      });
      // eni-1 sits in the first VPC's group id, which is not its VPC's isolation group.
      assert.deepEqual(d2(plan(o)), ["cut-transition eni-1", "cut-isolate eni-1"]);
      function d2(d: Decision) {
        return d.actions.map((a) => `${a.step} ${(a as { networkInterfaceId?: string }).networkInterfaceId}`);
      }
    });

    it("leaves the Auto Scaling group unless out of its reach: Standby, or held under scale-in protection by this isolation", () => {
      const inGroup = (autoScaling: ObservedState["autoScaling"], r?: IsolationRecord) => has(plan(observed({ autoScaling }, { autoScalingGroupName: "web" }), r), "detach-asg");
      assert.equal(inGroup(undefined), true);
      assert.equal(inGroup({ lifecycleState: "InService", protectedFromScaleIn: false }), true);
      assert.equal(inGroup({ lifecycleState: "EnteringStandby", protectedFromScaleIn: false }), true);
      assert.equal(inGroup({ lifecycleState: "Standby", protectedFromScaleIn: false }), false);
      assert.equal(inGroup({ protectedFromScaleIn: false }), true);
      const held = record({ status: "isolating", asgHold: "protected" });
      assert.equal(inGroup(undefined, held), true);
      assert.equal(inGroup({ lifecycleState: "InService", protectedFromScaleIn: true }, held), false);
      assert.equal(inGroup({ lifecycleState: "InService", protectedFromScaleIn: false }, held), true);
      assert.equal(inGroup({ lifecycleState: "InService", protectedFromScaleIn: true }, record({ status: "isolating", asgHold: "detached" })), true);
      // Protected by someone else, or by an isolation since released: still in reach of a health-check replacement.
      assert.equal(inGroup({ lifecycleState: "InService", protectedFromScaleIn: true }), true);
      assert.equal(inGroup({ lifecycleState: "InService", protectedFromScaleIn: true }, record({ status: "released", asgHold: "protected" })), true);
      assert.equal(has(plan(observed({ autoScaling: { lifecycleState: "InService", protectedFromScaleIn: false } })), "detach-asg"), false);
    });

    it("replaces any instance profile but the isolation one, by name or with a path", () => {
      const profile = (instanceProfileArn: string | undefined) => has(plan(observed({}, { instanceProfileArn })), "replace-profile");
      assert.equal(profile(PROFILE), false);
      assert.equal(profile(`arn:aws:iam::111122223333:instance-profile/kamae/${settings.isolationProfileName}`), false);
      assert.equal(profile(WEB_PROFILE), true);
      assert.equal(profile(`${PROFILE}-old`), true);
      assert.equal(profile(undefined), true);
    });

    it("revokes the sessions of the role the instance had, once, and never the isolation profile's", () => {
      const revoke = { ...settings, revokeRoleSessions: true };
      const revocation = (d: Decision) => d.actions.find((a) => a.step === "revoke-sessions") as { instanceProfileArn: string } | undefined;
      assert.equal(revocation(plan(observed(), undefined, revoke))?.instanceProfileArn, WEB_PROFILE);
      assert.equal(revocation(plan(observed(), undefined, settings)), undefined);
      // Resuming: the profile is already the isolation one; the role to revoke is the recorded one.
      const resumed = observed({}, { instanceProfileArn: PROFILE });
      assert.equal(revocation(plan(resumed, record({ status: "isolating" }), revoke))?.instanceProfileArn, WEB_PROFILE);
      assert.equal(revocation(plan(resumed, record({ status: "isolating", sessionsRevoked: true }), revoke)), undefined);
      assert.equal(revocation(plan(resumed, undefined, revoke)), undefined);
      assert.equal(revocation(plan(observed({}, { instanceProfileArn: undefined }), undefined, revoke)), undefined);
      // Nor the isolation profile's role when it has a path.
      assert.equal(revocation(plan(observed({}, { instanceProfileArn: `arn:aws:iam::111122223333:instance-profile/kamae/${settings.isolationProfileName}` }), undefined, revoke)), undefined);
    });

    it("snapshots only when asked, with volumes, and once", () => {
      const volumes = [{ volumeId: "vol-1", deviceName: "/dev/xvda", deleteOnTermination: false }];
      const snapshot = (s: IsolationSettings, r?: IsolationRecord, v = volumes) => has(plan(observed({}, { volumes: v } as Partial<ObservedState["original"]>), r, s), "snapshot");
      const on = { ...settings, snapshots: true };
      assert.equal(snapshot(on), true);
      assert.equal(snapshot(settings), false);
      assert.equal(snapshot(on, undefined, []), false);
      assert.equal(snapshot(on, record({ status: "isolating", snapshotIds: ["snap-1"] })), false);
      assert.equal(snapshot(on, record({ status: "isolating", snapshotIds: [] })), true);
      assert.equal(snapshot(on, record({ status: "released", snapshotIds: ["snap-1"] })), true);
    });

    it("says when it resumes an earlier isolation", () => {
      const d = readable(plan(observed(), record({ status: "isolating" })));
      assert.equal(d.detail, "resuming an earlier isolation");
      assert.equal(d.isNew, false);
      const done = readable(plan(observed({ tags: { [KamaeTags.isolationScope]: "true", [KamaeTags.isolationStatus]: "isolated" } }, { networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }], instanceProfileArn: PROFILE })));
      assert.equal(done.outcome, "already-isolated");
    });
  });

  describe("release", () => {
    const isolatedNow = (extra: Partial<ObservedState["original"]> = {}) => observed({}, { networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }], instanceProfileArn: PROFILE, ...extra });

    it("says why nothing is released", () => {
      assert.equal(readable(planRelease(release, isolatedNow(), record({ status: "released" }))).outcome, "not-isolated");
      for (const o of [{ ...isolatedNow(), found: false }, { ...isolatedNow(), instanceState: "terminated" }]) {
        const d = readable(planRelease(release, o, record()));
        assert.equal(d.outcome, "not-found");
        assert.ok(d.detail.includes(request.instanceId), d.detail);
      }
      // A stopped instance is released like a running one.
      assert.equal(planRelease(release, { ...isolatedNow(), instanceState: "stopped" }, record()).outcome, "act");
    });

    it("of an instance gone while it held its group, plans only lifting the hold, with a reason; nothing when it held none", () => {
      const held = record({ original: { ...observed().original, autoScalingGroupName: "web-asg" }, asgHold: "protected" });
      for (const gone of [{ ...isolatedNow(), found: false }, { ...isolatedNow(), instanceState: "terminated" }]) {
        const d = readable(planRelease(release, gone, held));
        assert.equal(d.outcome, "act");
        assert.deepEqual(d.actions, [{ step: "lift-group-hold", autoScalingGroupName: "web-asg", reason: d.actions[0].reason }]);
        assert.match(d.detail, new RegExp(`${request.instanceId} no longer exists: only its hold on Auto Scaling group web-asg is lifted`));
        // Held while the cut failed (the record still "isolating"): the hold is lifted all the same.
        assert.deepEqual(steps(planRelease(release, gone, { ...held, status: "isolating" })), ["lift-group-hold"]);
        // Detached or in Standby, the group holds nothing for it; a finished release has lifted the hold already.
        for (const asgHold of ["detached", "standby", undefined] as const) assert.equal(planRelease(release, gone, { ...held, asgHold }).outcome, "not-found");
        assert.equal(planRelease(release, gone, { ...held, original: { ...held.original, autoScalingGroupName: undefined } }).outcome, "not-found");
        assert.equal(planRelease(release, gone, { ...held, status: "released" }).outcome, "not-isolated");
      }
      // A stopped or shutting-down instance still exists: its release restores it as usual, protection lifted.
      assert.deepEqual(steps(planRelease(release, { ...isolatedNow(), instanceState: "stopped", original: { ...isolatedNow().original, autoScalingGroupName: "web-asg" } }, held)).at(-1), "unprotect-asg");
    });

    it("restores what differs, each with its reason, and removes the profile when there was none", () => {
      const d = readable(planRelease(release, isolatedNow(), record({ original: { ...observed().original, instanceProfileArn: undefined } })));
      assert.deepEqual(steps(d), ["tag", "restore-groups", "restore-profile"]);
      const restore = d.actions.find((a) => a.step === "restore-profile") as { instanceProfileArn?: string; reason: string };
      assert.equal(restore.instanceProfileArn, undefined);
      assert.equal(restore.reason, "it had no instance profile before isolation");
      const back = planRelease(release, isolatedNow(), record()).actions.find((a) => a.step === "restore-profile") as { instanceProfileArn?: string; reason: string };
      assert.deepEqual([back.instanceProfileArn, back.reason], [WEB_PROFILE, "the instance profile it had before isolation"]);
    });

    // What a web server in an Auto Scaling group behind two target groups had before isolation (as the isolation
    // records it), and helpers to observe it after isolation or part-way through a release.
    const TG_HTTP = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-http/0123456789abcdef";
    const TG_API = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-api/fedcba9876543210";
    const webServer: ObservedState["original"] = {
      autoScalingGroupName: "web-asg",
      targets: [
        { targetGroupArn: TG_HTTP, id: request.instanceId, port: 80 },
        { targetGroupArn: TG_API, id: "10.0.1.17", port: 8080, availabilityZone: "us-east-1a" },
      ],
      networkInterfaces: [
        { networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-web", "sg-admin"] },
        { networkInterfaceId: "eni-1", vpcId: VPC, groupIds: ["sg-admin"] },
      ],
      addresses: [{ allocationId: "eipalloc-0123456789abcdef0", publicIp: "203.0.113.10", networkInterfaceId: "eni-0", privateIpAddress: "10.0.1.17" }],
      instanceProfileArn: WEB_PROFILE,
      disableApiTermination: false,
      shutdownBehavior: "terminate",
      volumes: [
        { deviceName: "/dev/xvda", volumeId: "vol-0000000000000000a", deleteOnTermination: true },
        { deviceName: "/dev/xvdb", volumeId: "vol-0000000000000000b", deleteOnTermination: true },
      ],
    };
    const isolatedWeb = record({ original: webServer, asgHold: "detached" });
    /** The web server as the release observes it: `now` overrides its current state (restored by default). */
    const web = (now: Partial<ObservedState["original"]> = {}, extra: Partial<ObservedState> = {}): ObservedState =>
      observed(
        {
          addressAssociations: [{ associationId: "eipassoc-0123456789abcdef0", publicIp: "203.0.113.10", allocationId: "eipalloc-0123456789abcdef0" }],
          registeredTargets: webServer.targets,
          profileAssociationId: "iip-assoc-0123456789abcdef0",
          autoScaling: { lifecycleState: "InService", protectedFromScaleIn: false },
          ...extra,
        },
        { ...webServer, ...now },
      );
    const releaseWeb = (o: ObservedState, r: IsolationRecord = isolatedWeb) => readable(planRelease(release, o, r));
    const restoredGroups = (d: Decision) => d.actions.flatMap((a) => (a.step === "restore-groups" ? [a.networkInterfaceId] : []));

    it("of an instance already as it was, plans only the mark, and never as a new isolation", () => {
      const d = releaseWeb(web());
      assert.deepEqual(d.actions.map((a) => a.step), ["tag"]);
      assert.deepEqual([d.outcome, d.detail, d.isNew], ["act", "releasing", false]);
    });

    it("of an isolated web server, plans every step back, each with a reason", () => {
      const d = releaseWeb(
        web(
          { autoScalingGroupName: undefined, networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }, { networkInterfaceId: "eni-1", vpcId: VPC, groupIds: ["sg-empty"] }], instanceProfileArn: PROFILE, disableApiTermination: true, shutdownBehavior: "stop", volumes: webServer.volumes.map((v) => ({ ...v, deleteOnTermination: false })) },
          { addressAssociations: [], registeredTargets: [], autoScaling: undefined },
        ),
      );
      assert.deepEqual(steps(d), ["tag", "restore-groups", "restore-groups", "associate-eip", "restore-profile", "restore-attributes", "register-target", "register-target", "attach-asg"]);
      assert.equal(d.isNew, false);
    });

    it("re-applies an interface's groups only when the set differs, not when only the order does", () => {
      const groups = (eni0: string[], eni1: string[] = ["sg-admin"]) =>
        restoredGroups(releaseWeb(web({ networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: eni0 }, { networkInterfaceId: "eni-1", vpcId: VPC, groupIds: eni1 }] })));
      assert.deepEqual(groups(["sg-admin", "sg-web"]), []);
      assert.deepEqual(groups(["sg-web"]), ["eni-0"], "one group lost");
      assert.deepEqual(groups(["sg-web", "sg-admin", "sg-empty"]), ["eni-0"], "one group too many");
      assert.deepEqual(groups(["sg-web", "sg-empty"]), ["eni-0"], "one group swapped for another");
      // Each interface is compared with itself: eni-1 already back in its group, eni-0 still isolated.
      assert.deepEqual(groups(["sg-empty"], ["sg-admin"]), ["eni-0"]);
      assert.deepEqual(groups(["sg-admin", "sg-web"], ["sg-empty"]), ["eni-1"]);
      const d = releaseWeb(web({ networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-empty"] }, { networkInterfaceId: "eni-1", vpcId: VPC, groupIds: ["sg-admin"] }] }));
      assert.deepEqual(d.actions.find((a) => a.step === "restore-groups"), { step: "restore-groups", networkInterfaceId: "eni-0", groupIds: ["sg-web", "sg-admin"], reason: "the security groups it had before isolation" });
      // An interface detached since (a secondary ENI moved away) is not the instance's to restore.
      assert.deepEqual(restoredGroups(releaseWeb(web({ networkInterfaces: [{ networkInterfaceId: "eni-0", vpcId: VPC, groupIds: ["sg-web", "sg-admin"] }] }))), []);
    });

    it("re-associates the Elastic IP only when it is not associated", () => {
      const eip = (addressAssociations: ObservedState["addressAssociations"]) => releaseWeb(web({}, { addressAssociations })).actions.filter((a) => a.step === "associate-eip");
      assert.deepEqual(eip([{ associationId: "eipassoc-0123456789abcdef0", publicIp: "203.0.113.10", allocationId: "eipalloc-0123456789abcdef0" }]), []);
      assert.deepEqual(eip([{ associationId: "eipassoc-0fedcba9876543210", publicIp: "198.51.100.7", allocationId: "eipalloc-0fedcba9876543210" }]).map((a) => (a as { address: unknown }).address), [webServer.addresses[0]]);
    });

    it("restores the profile only when it differs", () => {
      assert.equal(has(releaseWeb(web()), "restore-profile"), false);
      const d = releaseWeb(web({ instanceProfileArn: PROFILE }));
      assert.deepEqual(d.actions.find((a) => a.step === "restore-profile"), { step: "restore-profile", associationId: "iip-assoc-0123456789abcdef0", instanceProfileArn: WEB_PROFILE, reason: "the instance profile it had before isolation" });
    });

    it("restores the termination settings when any one of them differs, with exactly the attached volumes that differ", () => {
      const attributes = (now: Partial<ObservedState["original"]>) => releaseWeb(web(now)).actions.find((a) => a.step === "restore-attributes") as (Action & { step: "restore-attributes" }) | undefined;
      const devices = (now: Partial<ObservedState["original"]>) => attributes(now)?.volumes.map((v) => v.deviceName);
      const restored = { step: "restore-attributes", disableApiTermination: false, shutdownBehavior: "terminate", volumes: [], reason: "the termination settings it had before isolation" };
      assert.deepEqual(attributes({ disableApiTermination: true }), restored);
      assert.deepEqual(attributes({ shutdownBehavior: "stop" }), restored);
      const xvda = { ...webServer.volumes[0], deleteOnTermination: false };
      assert.deepEqual(attributes({ volumes: [xvda, webServer.volumes[1]] }), { ...restored, volumes: [webServer.volumes[0]] });
      assert.deepEqual(devices({ volumes: [webServer.volumes[1], xvda] }), ["/dev/xvda"], "matched by device name, not by position");
      assert.deepEqual(devices({ disableApiTermination: true, shutdownBehavior: "stop", volumes: [xvda, { ...webServer.volumes[1], deleteOnTermination: false }] }), ["/dev/xvda", "/dev/xvdb"]);
      // A volume detached since isolation (e.g. for forensics) has nothing to restore: it is left out, and alone it
      // changes nothing.
      assert.deepEqual(devices({ disableApiTermination: true, volumes: [xvda] }), ["/dev/xvda"]);
      assert.equal(attributes({ volumes: [webServer.volumes[0]] }), undefined);
      assert.equal(attributes({ volumes: [] }), undefined);
      // Volumes whose recorded settings differ from each other: each is compared with its own device.
      const mixed = record({ original: { ...webServer, volumes: [webServer.volumes[0], { ...webServer.volumes[1], deleteOnTermination: false }] } });
      const att = (volumes: ObservedState["original"]["volumes"]) => releaseWeb(web({ volumes }), mixed).actions.find((a) => a.step === "restore-attributes") as { volumes: Array<{ deviceName: string }> } | undefined;
      assert.equal(att(mixed.original.volumes), undefined);
      assert.equal(att([...mixed.original.volumes].reverse()), undefined);
    });

    it("re-registers a target unless registered in the same group, with the same id and port", () => {
      const registers = (registeredTargets: ObservedState["registeredTargets"]) =>
        releaseWeb(web({}, { registeredTargets })).actions.flatMap((a) => (a.step === "register-target" ? [`${a.target.targetGroupArn.split("/")[1]} ${a.target.id}:${a.target.port}`] : []));
      const [http, api] = webServer.targets;
      assert.deepEqual(registers([http, api]), []);
      assert.deepEqual(registers([api]), [`web-http ${request.instanceId}:80`]);
      assert.deepEqual(registers([{ ...http, port: 8080 }, api]), [`web-http ${request.instanceId}:80`], "same group and id, another port");
      assert.deepEqual(registers([{ ...http, targetGroupArn: TG_API }, api]), [`web-http ${request.instanceId}:80`], "same id and port, another group");
      // The neighbour in the same group on the same port is not this instance.
      assert.deepEqual(registers([{ ...http, id: "i-0fedcba9876543210" }, api]), [`web-http ${request.instanceId}:80`]);
      assert.deepEqual(registers([http, { ...api, id: "10.0.1.18" }]), ["web-api 10.0.1.17:8080"]);
      const d = releaseWeb(web({}, { registeredTargets: [api] }));
      assert.deepEqual(d.actions.find((a) => a.step === "register-target"), { step: "register-target", target: http, reason: "back behind the load balancer" });
    });

    it("brings the instance back into its group: attaches it when detached, takes it out of Standby, lifts a protection hold", () => {
      const rejoin = (now: Partial<ObservedState["original"]>, autoScaling: ObservedState["autoScaling"], r: IsolationRecord = isolatedWeb) =>
        releaseWeb(web(now, { autoScaling }), r).actions.filter((a) => ["attach-asg", "exit-standby", "unprotect-asg"].includes(a.step));
      const group = (step: Action["step"]) => ({ step, autoScalingGroupName: "web-asg" });
      const without = (actions: Action[]) => actions.map(({ step, ...rest }) => ({ step, autoScalingGroupName: (rest as { autoScalingGroupName: string }).autoScalingGroupName }));
      assert.deepEqual(without(rejoin({ autoScalingGroupName: undefined }, undefined)), [group("attach-asg")]);
      const standby = record({ original: webServer, asgHold: "standby" });
      assert.deepEqual(without(rejoin({}, { lifecycleState: "Standby", protectedFromScaleIn: false }, standby)), [group("exit-standby")]);
      // Still entering Standby, or already back in service: no exit to ask for.
      assert.deepEqual(rejoin({}, { lifecycleState: "EnteringStandby", protectedFromScaleIn: false }, standby), []);
      assert.deepEqual(rejoin({}, { lifecycleState: "InService", protectedFromScaleIn: false }, standby), []);
      // In its group with no lifecycle read (the instance left the group's answer between reads).
      assert.deepEqual(rejoin({}, undefined), []);
      const held = record({ original: webServer, asgHold: "protected" });
      assert.deepEqual(without(rejoin({}, { lifecycleState: "InService", protectedFromScaleIn: true }, held)), [group("unprotect-asg")]);
      for (const asgHold of ["detached", "standby", undefined] as const) {
        assert.deepEqual(rejoin({}, { lifecycleState: "InService", protectedFromScaleIn: true }, record({ original: webServer, asgHold })), [], String(asgHold));
      }
      // Not in a group before isolation: nothing to rejoin, whatever the record says.
      assert.deepEqual(rejoin({ autoScalingGroupName: undefined }, undefined, record({ original: { ...webServer, autoScalingGroupName: undefined }, asgHold: "protected" })), []);
    });
  });
});
