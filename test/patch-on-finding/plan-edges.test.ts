import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseInspectorEvent, type InspectorFinding } from "../../components/shared/events/inspector";
import { commandComment, planPatch, screen, type PatchPlan, type PatchSettings, type PatchState } from "../../components/patch-on-finding/lambda/plan";
import { AUTO_SCALING_GROUP_TAG } from "../../components/shared/runtime/tags";

// Each guard of the patch plan on both sides of its edge, and what the report says.
const event = JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures/inspector-ec2-package-vulnerability.json"), "utf8"));
const parsed = parseInspectorEvent(event);
if (!parsed.ok) throw new Error(parsed.reason);
const finding: InspectorFinding = parsed.value;
const I = "i-0123456789abcdef0";
const settings: PatchSettings = { mode: "enforce", minSeverity: "HIGH", maxConcurrent: 2, cooldownMinutes: 60, strategy: "immediate", pendingTagKey: "kamae:patch-pending", rebootOption: "RebootIfNeeded" };
const ready: PatchState = { managed: true, pingStatus: "Online", recentCommands: [], runningCommands: 0 };
const plan = (st: Partial<PatchState> = {}, s: Partial<PatchSettings> = {}, f: InspectorFinding = finding): PatchPlan => planPatch(f, { ...ready, ...st }, { ...settings, ...s });
const brief = (p: PatchPlan) => [p.outcome, p.reason];

describe("PatchOnFinding plan: edges", () => {
  it("screens out, with the reason, what patching cannot fix", () => {
    const ignored = (f: Partial<InspectorFinding>, s: Partial<PatchSettings> = {}) => {
      const p = screen({ ...finding, ...f }, { ...settings, ...s });
      return p && [p.outcome, p.reason, p.actions.length, p.notify];
    };
    assert.deepEqual(ignored({ resourceType: "AWS_ECR_CONTAINER_IMAGE" }), ["ignored", "the finding is about AWS_ECR_CONTAINER_IMAGE, not an EC2 instance", 0, false]);
    assert.deepEqual(ignored({ instanceId: undefined }), ["ignored", "the finding is about AWS_EC2_INSTANCE, not an EC2 instance", 0, false]);
    assert.deepEqual(ignored({ status: "CLOSED" }), ["ignored", "the finding is CLOSED, not ACTIVE", 0, false]);
    assert.deepEqual(ignored({ type: "NETWORK_REACHABILITY" }), ["ignored", "a NETWORK_REACHABILITY finding is not fixed by patching", 0, false]);
    assert.deepEqual(ignored({ severity: "MEDIUM" }), ["ignored", "severity MEDIUM is below HIGH", 0, false]);
    assert.deepEqual(ignored({ fixAvailable: "NO" }), ["ignored", "no fix is available yet: patching would change nothing", 0, false]);
    assert.equal(ignored({ fixAvailable: "PARTIAL" }), undefined);
    assert.equal(ignored({}), undefined);
  });

  it("names the command after the vulnerability, or the finding when there is none", () => {
    assert.equal(commandComment(finding), "kamae patch-on-finding CVE-2026-0001");
    assert.equal(commandComment({ ...finding, vulnerabilityId: undefined }), "kamae patch-on-finding 4f0c3a2b1e9d8c7b6a5f4e3d2c1b0a99");
  });

  it("runs the patch baseline with the finding's reason when every guard allows it", () => {
    const p = plan();
    assert.equal(p.outcome, "act");
    assert.equal(p.reason, "HIGH CVE-2026-0001 on i-0123456789abcdef0 has a fix (openssl-libs)");
    assert.deepEqual(p.actions, [{ kind: "run-patch-baseline", instanceId: I, comment: "kamae patch-on-finding CVE-2026-0001", rebootOption: "RebootIfNeeded", reason: "HIGH CVE-2026-0001 on i-0123456789abcdef0 has a fix (openssl-libs): AWS-RunPatchBaseline Install" }]);
    assert.equal(p.notify, true);
    assert.deepEqual([p.accountId, p.region, p.findingArn, p.instanceId, p.vulnerabilityId, p.severity], [finding.accountId, finding.region, finding.findingArn, I, "CVE-2026-0001", "HIGH"]);
    const bare = plan({}, {}, { ...finding, vulnerabilityId: undefined, packages: [] });
    assert.equal(bare.reason, "HIGH vulnerability on i-0123456789abcdef0 has a fix");
    const six = plan({}, {}, { ...finding, packages: ["a", "b", "c", "d", "e", "f"].map((name) => ({ ...finding.packages[0], name })) });
    assert.equal(six.reason, "HIGH CVE-2026-0001 on i-0123456789abcdef0 has a fix (a, b, c, d, e)");
  });

  it("never patches a protected instance (the tag read as IAM's StringEqualsIgnoreCase, trimmed)", () => {
    assert.deepEqual(brief(plan({ tags: { "kamae:protected": " TRUE " } }, { protectionTagKey: "kamae:protected" })), ["protected", `${I} carries kamae:protected=true: never patched by the responder`]);
    assert.equal(plan({ tags: { "kamae:protected": "false" } }, { protectionTagKey: "kamae:protected" }).outcome, "act");
    assert.equal(plan({ tags: { "kamae:protected": "true" } }).outcome, "act");
  });

  it("patches in scope only: the scope tag exactly (any case, untrimmed, as IAM compares it) or a scoped group", () => {
    const tagScope = { scopeTagKey: "kamae:patch" };
    assert.equal(plan({ tags: { "kamae:patch": "True" } }, tagScope).outcome, "act");
    assert.deepEqual(brief(plan({ tags: { "kamae:patch": " true" } }, tagScope)), ["out-of-scope", `${I} is outside the responder's scope (tag kamae:patch=true)`]);
    const both = { scopeTagKey: "kamae:patch", scopeAutoScalingGroups: ["web", "api"] };
    assert.deepEqual(brief(plan({ tags: { [AUTO_SCALING_GROUP_TAG]: "batch" } }, both)), ["out-of-scope", `${I} is outside the responder's scope (tag kamae:patch=true or groups web, api)`]);
    assert.equal(plan({ tags: { [AUTO_SCALING_GROUP_TAG]: "api" } }, both).outcome, "act");
    assert.deepEqual(brief(plan({}, { scopeAutoScalingGroups: ["web"] })), ["out-of-scope", `${I} is outside the responder's scope (groups web)`]);
    assert.equal(plan({}, { scopeAutoScalingGroups: [] }).outcome, "act");
  });

  it("cannot patch an instance SSM does not manage, and waits for an agent that is not online", () => {
    assert.equal(plan({ managed: false }).outcome, "unmanaged");
    assert.deepEqual(brief(plan({ pingStatus: "ConnectionLost" })), ["deferred", `${I} is managed but its SSM Agent is ConnectionLost; retry later`]);
    assert.equal(plan({ pingStatus: undefined }).outcome, "act");
  });

  it("reports a command of its own finding, and stays quiet about another finding's", () => {
    const mine = { commandId: "c-1", status: "InProgress", ageMinutes: 3, comment: commandComment(finding) };
    assert.deepEqual([...brief(plan({ recentCommands: [mine] })), plan({ recentCommands: [mine] }).notify], ["already-handled", `patch command c-1 is already InProgress on ${I}`, true]);
    assert.equal(plan({ recentCommands: [{ ...mine, comment: "kamae patch-on-finding CVE-2026-9999" }] }).notify, false);
    const done = { commandId: "c-2", status: "Success", ageMinutes: 60, comment: commandComment(finding) };
    assert.deepEqual([...brief(plan({ recentCommands: [done] })), plan({ recentCommands: [done] }).notify], ["already-handled", `${I} was patched by command c-2 within the last 60 minutes`, true]);
    assert.equal(plan({ recentCommands: [{ ...done, status: "Failed" }] }).outcome, "act");
  });

  it("keeps to the concurrency limit: at the limit it waits, under it it acts", () => {
    assert.deepEqual(brief(plan({ runningCommands: 2 })), ["deferred", "2 patch commands are running (limit 2); retry later"]);
    assert.equal(plan({ runningCommands: 1 }).outcome, "act");
  });

  it("patches one instance of an Auto Scaling group at a time unless told otherwise", () => {
    const inGroup = { tags: { [AUTO_SCALING_GROUP_TAG]: "web" } };
    assert.deepEqual(brief(plan({ ...inGroup, runningInAutoScalingGroup: 1 })), ["deferred", "1 instance(s) of Auto Scaling group web are being patched (limit 1 at once); retry later"]);
    assert.equal(plan({ ...inGroup, runningInAutoScalingGroup: 0 }).outcome, "act");
    assert.equal(plan({ ...inGroup }).outcome, "act");
    assert.equal(plan({ ...inGroup, runningInAutoScalingGroup: 1 }, { maxPerAutoScalingGroup: 2 }).outcome, "act");
    // Outside any group the count does not apply.
    assert.equal(plan({ runningInAutoScalingGroup: 5 }).outcome, "act");
  });

  it("patches at most a share of a tagged group (34% by default, at least one)", () => {
    const g = { tags: { cluster: "db" } };
    const s = { groupTagKey: "cluster" };
    assert.deepEqual(brief(plan({ ...g, taggedGroupSize: 6, runningInTaggedGroup: 2 }, s)), ["deferred", "2 of the 6 instances of group cluster=db are being patched (limit 2 at once); retry later"]);
    assert.equal(plan({ ...g, taggedGroupSize: 6, runningInTaggedGroup: 1 }, s).outcome, "act");
    assert.equal(plan({ ...g, taggedGroupSize: 2, runningInTaggedGroup: 1 }, s).outcome, "deferred");
    assert.equal(plan({ ...g, taggedGroupSize: 2, runningInTaggedGroup: 0 }, s).outcome, "act");
    assert.equal(plan({ ...g, runningInTaggedGroup: 0 }, s).outcome, "act");
    assert.equal(plan({ ...g, taggedGroupSize: 10, runningInTaggedGroup: 4 }, { ...s, groupMaxPercent: 50 }).outcome, "act");
    assert.equal(plan({ ...g, taggedGroupSize: 10, runningInTaggedGroup: 5 }, { ...s, groupMaxPercent: 50 }).outcome, "deferred");
    assert.equal(plan({ tags: {}, taggedGroupSize: 1, runningInTaggedGroup: 9 }, s).outcome, "act");
  });

  it("in maintenance-window mode, tags the instance once", () => {
    const mw = { strategy: "maintenance-window" as const };
    const p = plan({}, mw);
    assert.deepEqual([p.outcome, p.reason], ["act", "HIGH CVE-2026-0001 on i-0123456789abcdef0 has a fix (openssl-libs); patched in the next maintenance window"]);
    assert.deepEqual(p.actions, [{ kind: "tag-for-maintenance-window", instanceId: I, tagKey: "kamae:patch-pending", tagValue: "true", reason: "HIGH CVE-2026-0001 on i-0123456789abcdef0 has a fix (openssl-libs): the maintenance window's task patches instances with this tag" }]);
    assert.deepEqual(brief(plan({ pendingTagValue: "true" }, mw)), ["already-handled", `${I} already waits for the maintenance window`]);
    // The window does not need the agent online now, nor a free concurrency slot.
    assert.equal(plan({ pingStatus: "ConnectionLost", runningCommands: 9 }, mw).outcome, "act");
  });
});
