import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspectorEventPattern, PatchOnFinding } from "../../components/patch-on-finding";
import { settingsFromEnv } from "../../components/patch-on-finding/lambda/settings";
import { iamDocuments, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const fixture = (name: string): any => JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures", `${name}.json`), "utf8"));

/** EventBridge's matching for the pattern subset used here: arrays of literals, nested objects, arrays in the event. */
function matches(pattern: any, event: any): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = event?.[key];
    if (Array.isArray(expected)) {
      const values = Array.isArray(actual) ? actual : [actual];
      return values.some((v) => expected.includes(v));
    }
    if (Array.isArray(actual)) return actual.some((item) => matches(expected, item));
    return matches(expected, actual);
  });
}

describe("PatchOnFinding component", () => {
  beforeEach(() => useOfflineMocks());

  it("routes fixable Inspector package vulnerabilities on EC2 at or above the severity to the responder", async () => {
    const patch = new PatchOnFinding("patch", { minSeverity: "HIGH", mode: "enforce" });
    await settle();
    const [rule] = resourcesOfType("aws:cloudwatch/eventRule:EventRule");
    const pattern: any = JSON.parse(rule.state.eventPattern);
    assert.deepEqual(pattern.detail.severity, ["HIGH", "CRITICAL"]);
    assert.deepEqual(pattern, inspectorEventPattern("HIGH"));
    // The pattern matches the realistic events it should, and none it should not.
    assert.ok(matches(pattern, fixture("inspector-ec2-package-vulnerability")));
    assert.ok(matches(pattern, fixture("inspector-ec2-member-account")));
    for (const name of ["inspector-ecr-image", "inspector-ec2-network-reachability", "inspector-ec2-closed"]) assert.ok(!matches(pattern, fixture(name)), name);
    const medium = fixture("inspector-ec2-package-vulnerability");
    medium.detail.severity = "MEDIUM";
    assert.ok(!matches(pattern, medium));
    assert.ok(matches(inspectorEventPattern("MEDIUM"), medium));

    const [target] = resourcesOfType("aws:cloudwatch/eventTarget:EventTarget");
    assert.equal(target.state.arn, await valueOf(patch.functionArn));
    const [permission] = resourcesOfType("aws:lambda/permission:Permission");
    assert.equal(permission.state.principal, "events.amazonaws.com");
    assert.equal(permission.state.sourceArn, rule.state.arn);
  });

  it("configures the function: settings, single writer, and exactly the Run Command permissions it needs", async () => {
    new PatchOnFinding("patch", { mode: "enforce", maxConcurrent: 3, cooldownMinutes: 120, rebootOption: "NoReboot" });
    await settle();
    const [fn] = resourcesOfType("aws:lambda/function:Function");
    const env = fn.state.environment.variables;
    assert.equal(env.KAMAE_MODE, "enforce");
    assert.equal(env.KAMAE_MAX_CONCURRENT, "3");
    assert.equal(env.KAMAE_COOLDOWN_MINUTES, "120");
    assert.equal(env.KAMAE_PATCH_STRATEGY, "immediate");
    assert.equal(env.KAMAE_REBOOT_OPTION, "NoReboot");
    assert.equal(env.KAMAE_HOME_ACCOUNT_ID, "123456789012");
    assert.ok(env.KAMAE_TOPIC_ARN.startsWith("arn:aws:sns:"));
    assert.equal(fn.state.reservedConcurrentExecutions, 1);
    const doc = iamDocuments().find((d) => d.resource === "patch-patcher-permissions")!.document;
    const send = doc.Statement.filter((s: any) => s.Action.includes("ssm:SendCommand"));
    assert.deepEqual(send.map((s: any) => s.Action), [["ssm:SendCommand"], ["ssm:SendCommand"]]);
    assert.deepEqual(send.flatMap((s: any) => s.Resource).sort(), ["arn:aws:ec2:us-east-1:123456789012:instance/*", "arn:aws:ssm:us-east-1::document/AWS-RunPatchBaseline"]);
    assert.ok(!doc.Statement.some((s: any) => s.Action.includes("ec2:CreateTags")));
    assert.ok(doc.Statement.every((s: any) => s.Action.every((a: string) => !a.endsWith("*"))));
  });

  it("passes its safety limits (scope, protection, per-group caps) to the function's settings, and keeps a record of answered findings (issue 18)", async () => {
    const patch = new PatchOnFinding("patch", { scopeTagKey: "kamae:isolation-scope", scopeAutoScalingGroups: ["web", "api"], protectionTagKey: "team:protected", maxPerAutoScalingGroup: 2, groupTagKey: "cluster", groupMaxPercent: 25 });
    await settle();
    const env = resourcesOfType("aws:lambda/function:Function")[0].state.environment.variables;
    const settings = settingsFromEnv(env);
    assert.deepEqual(
      [settings.scopeTagKey, settings.scopeAutoScalingGroups, settings.protectionTagKey, settings.maxPerAutoScalingGroup, settings.groupTagKey, settings.groupMaxPercent],
      ["kamae:isolation-scope", ["web", "api"], "team:protected", 2, "cluster", 25],
    );
    const [table] = resourcesOfType("aws:dynamodb/table:Table");
    assert.equal(settings.tableName, table.state.name);
    assert.deepEqual([table.inputs.serverSideEncryption.enabled, table.inputs.pointInTimeRecovery.enabled, table.inputs.ttl.attributeName], [true, true, "expiresAt"]);
    assert.ok(await valueOf(patch.functionArn));
  });

  it("defaults to detect mode", async () => {
    new PatchOnFinding("patch");
    await settle();
    assert.equal(resourcesOfType("aws:lambda/function:Function")[0].state.environment.variables.KAMAE_MODE, "detect");
  });

  it("with a maintenance window, tags instead of sending, and the window's task patches the tagged instances", async () => {
    const patch = new PatchOnFinding("patch", { mode: "enforce", maxConcurrent: 4, maintenanceWindow: { schedule: "cron(0 3 ? * SUN *)", durationHours: 4, cutoffHours: 1 } });
    await settle();
    const env = resourcesOfType("aws:lambda/function:Function")[0].state.environment.variables;
    assert.equal(env.KAMAE_PATCH_STRATEGY, "maintenance-window");
    const [window] = resourcesOfType("aws:ssm/maintenanceWindow:MaintenanceWindow");
    assert.equal(window.state.schedule, "cron(0 3 ? * SUN *)");
    assert.equal(await valueOf(patch.maintenanceWindowId!), window.id);
    const [target] = resourcesOfType("aws:ssm/maintenanceWindowTarget:MaintenanceWindowTarget");
    assert.deepEqual(target.state.targets, [{ key: "tag:kamae:patch-pending", values: ["true"] }]);
    const [task] = resourcesOfType("aws:ssm/maintenanceWindowTask:MaintenanceWindowTask");
    assert.equal(task.state.taskArn, "AWS-RunPatchBaseline");
    assert.equal(task.state.maxConcurrency, "4");
    assert.deepEqual(task.state.targets, [{ key: "WindowTargetIds", values: [target.id] }]);
    assert.deepEqual(task.state.taskInvocationParameters.runCommandParameters.parameters[0], { name: "Operation", values: ["Install"] });
    const doc = iamDocuments().find((d) => d.resource === "patch-patcher-permissions")!.document;
    const tag = doc.Statement.find((s: any) => s.Sid === "TagForMaintenanceWindow");
    assert.deepEqual(tag.Condition, { "ForAllValues:StringEquals": { "aws:TagKeys": ["kamae:patch-pending"] } });
    assert.ok(!doc.Statement.some((s: any) => s.Action.includes("ssm:SendCommand")));
  });

  it("lets the function assume only the named member roles", async () => {
    new PatchOnFinding("patch", { memberAccounts: { accountIds: ["444455556666"], roleName: "kamae-member", externalId: "ext" } });
    await settle();
    const env = resourcesOfType("aws:lambda/function:Function")[0].state.environment.variables;
    assert.equal(env.KAMAE_MEMBER_ACCOUNT_IDS, "444455556666");
    const doc = iamDocuments().find((d) => d.resource === "patch-patcher-permissions")!.document;
    assert.deepEqual(doc.Statement.find((s: any) => s.Sid === "ActInMemberAccounts").Resource, ["arn:aws:iam::444455556666:role/kamae-member"]);
  });

  it("refuses bad arguments with clear messages", () => {
    const cases: Array<[any, RegExp]> = [
      [{ minSeverity: "SEVERE" }, /minSeverity must be one of "LOW", "MEDIUM", "HIGH", "CRITICAL", got "SEVERE"/],
      [{ maxConcurrent: 0 }, /maxConcurrent must be a whole number from 1 to 100, got 0/],
      [{ cooldownMinutes: -5 }, /cooldownMinutes must be a whole number from 0 to 43200, got -5/],
      [{ mode: "auto" }, /mode must be one of "enforce", "detect", got "auto"/],
      [{ pendingTagKey: "aws:patch" }, /pendingTagKey "aws:patch"/],
      [{ maintenanceWindow: { schedule: "sundays" } }, /maintenanceWindow.schedule: "sundays" is not a rate\(\), cron\(\) or at\(\) schedule/],
      [{ maintenanceWindow: { schedule: "cron(0 3 ? * SUN *)", durationHours: 2, cutoffHours: 2 } }, /cutoffHours \(less than the duration\) must be a whole number from 0 to 1, got 2/],
      [{ scopeTagKey: "aws:scope" }, /scopeTagKey "aws:scope"/],
      [{ protectionTagKey: "" }, /protectionTagKey ""/],
      [{ scopeAutoScalingGroups: ["web,api"] }, /scopeAutoScalingGroups: "web,api"/],
      [{ maxPerAutoScalingGroup: 0 }, /maxPerAutoScalingGroup must be a whole number from 1 to 100, got 0/],
      [{ groupMaxPercent: 150 }, /groupMaxPercent must be a whole number from 1 to 100, got 150/],
    ];
    for (const [args, message] of cases) assert.throws(() => new PatchOnFinding("patch", args), message);
  });
});
