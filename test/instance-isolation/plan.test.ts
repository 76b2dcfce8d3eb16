import { strict as assert } from "node:assert";
import fc from "fast-check";
import { readEvent } from "../../components/instance-isolation/lambda/intake";
import type { IsolationGroup, IsolationRequest, ObservedState } from "../../components/instance-isolation/lambda/model";
import { allowsEverything, containPhases, phaseOf, planIsolation, planRelease, RELEASE_PHASES } from "../../components/instance-isolation/lambda/plan";
import { isolationSettingsFromEnv } from "../../components/instance-isolation/lambda/settings";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { BASE_ENV } from "./scenario";

const settings = isolationSettingsFromEnv(BASE_ENV);
const VPC = "vpc-0a1b2c3d4e5f60718";
const request: IsolationRequest = { kind: "isolate", target: { accountId: "111122223333", region: "us-east-1" }, instanceId: "i-0123456789abcdef0", reason: "r", findingId: "f", source: "guardduty" };
const allowAll = [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }];
const empty: IsolationGroup = { groupId: "sg-empty", vpcId: VPC, role: "empty", ingress: [], egress: [] };
const transition: IsolationGroup = { groupId: "sg-transition", vpcId: VPC, role: "transition", ingress: allowAll, egress: allowAll };

function observed(groupsPerEni: string[][], extra: Partial<ObservedState> = {}): ObservedState {
  return {
    found: true,
    instanceState: "running",
    tags: { [KamaeTags.isolationScope]: "true" },
    original: {
      targets: [],
      networkInterfaces: groupsPerEni.map((groupIds, i) => ({ networkInterfaceId: `eni-${i}`, vpcId: VPC, groupIds })),
      addresses: [],
      instanceProfileArn: "arn:aws:iam::111122223333:instance-profile/kamae-isolation",
      disableApiTermination: true,
      shutdownBehavior: "stop",
      volumes: [],
    },
    addressAssociations: [],
    registeredTargets: [],
    isolationGroups: [empty, transition],
    ...extra,
  };
}

describe("isolation planning (pure)", () => {
  it("plans allow-all then empty for each ENI not yet isolated, resumes an ENI left in the transition group, skips an isolated one", () => {
    const d = planIsolation(request, observed([["sg-web"], ["sg-transition"], ["sg-empty"]]), undefined, { ...settings, snapshots: false }, "2026-11-23T00:00:00Z");
    const cuts = d.actions.filter((a) => a.step.startsWith("cut-")).map((a) => `${a.step} ${(a as { networkInterfaceId: string }).networkInterfaceId}`);
    assert.deepEqual(cuts, ["cut-transition eni-0", "cut-isolate eni-0", "cut-isolate eni-1"]);
    assert.ok(!d.actions.some((a) => a.step === "prepare-isolation-group"), "both groups exist with the right rules");
  });

  it("treats an ENI in an empty group that gained rules as not isolated: the rules are stripped", () => {
    const leaky = { ...empty, ingress: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] };
    const d = planIsolation(request, observed([["sg-empty"]], { isolationGroups: [leaky, transition], tags: { [KamaeTags.isolationScope]: "true", [KamaeTags.isolationStatus]: "isolated" } }), undefined, { ...settings, snapshots: false }, "t");
    assert.deepEqual(d.actions.map((a) => a.step), ["prepare-isolation-group"]);
  });

  it("marks the instance before it leaves a group that scopes it (leaving removes the group's tag), and unmarks it last at release", () => {
    const detach = { step: "detach-asg", autoScalingGroupName: "web-asg", reason: "r" } as const;
    const mark = { step: "tag", tags: { [KamaeTags.isolationStatus]: "isolated" }, reason: "r" } as const;
    assert.deepEqual(containPhases([mark, detach], { scopeAutoScalingGroups: ["web-asg"] }), ["mark", "contain"]);
    // No group in the scope, or no group to leave: the mark runs with the rest, no extra round trip before the cut.
    assert.deepEqual(containPhases([mark, detach], { scopeAutoScalingGroups: [] }), [["mark", "contain"]]);
    assert.deepEqual(containPhases([mark], { scopeAutoScalingGroups: ["web-asg"] }), [["mark", "contain"]]);
    assert.equal(phaseOf(mark), "mark");
    assert.equal(RELEASE_PHASES.at(-1), "mark");
  });

  it("an instance whose every step is done plans nothing", () => {
    const d = planIsolation(request, observed([["sg-empty"]], { tags: { [KamaeTags.isolationScope]: "true", [KamaeTags.isolationStatus]: "isolated" } }), undefined, { ...settings, snapshots: false }, "t");
    assert.equal(d.outcome, "already-isolated");
    assert.deepEqual(d.actions, []);
  });

  it("checks protection before scope, and both before anything else", () => {
    const tags = { [KamaeTags.protected]: "TRUE", [KamaeTags.isolationScope]: "false" };
    assert.equal(planIsolation(request, observed([["sg-web"]], { tags }), undefined, settings, "t").outcome, "protected");
    assert.equal(planIsolation(request, observed([["sg-web"]], { tags: {} }), undefined, settings, "t").outcome, "out-of-scope");
    assert.equal(planIsolation(request, { ...observed([]), found: false }, undefined, settings, "t").outcome, "not-found");
  });

  it("finds an instance in scope exactly when the role's grant lets it change it (scope tag equals true, any case)", () => {
    const outcome = (value: string) => planIsolation(request, observed([["sg-web"]], { tags: { [KamaeTags.isolationScope]: value } }), undefined, settings, "t").outcome;
    assert.equal(outcome("True"), "act");
    // IAM's StringEqualsIgnoreCase does not trim: with the padded value, every instance write would be denied.
    assert.equal(outcome(" true "), "out-of-scope");
  });

  it("recognises an allow-all rule set only when both address families are open", () => {
    assert.equal(allowsEverything(allowAll), true);
    assert.equal(allowsEverything([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }]), false);
    assert.equal(allowsEverything([{ IpProtocol: "tcp", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }]), false);
  });

  it("plans no release without a record", () => {
    assert.equal(planRelease({ kind: "release", target: request.target, instanceId: request.instanceId, reason: "r" }, observed([["sg-empty"]]), undefined).outcome, "not-isolated");
  });

  it("reads any input without throwing, and only well-formed requests become requests", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const intake = readEvent(input, settings);
        return intake.requests.length + intake.dismissed.length >= 1 && intake.requests.every((r) => /^i-[0-9a-f]{8}([0-9a-f]{9})?$/.test(r.instanceId));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.record({ kind: fc.constantFrom("kamae.isolate", "kamae.release"), instanceId: fc.string(), accountId: fc.string(), region: fc.string() }), (input) => {
        const intake = readEvent(input, settings);
        return intake.requests.every((r) => r.instanceId === input.instanceId && /^i-/.test(r.instanceId));
      }),
      { numRuns: 500 },
    );
  });
});
