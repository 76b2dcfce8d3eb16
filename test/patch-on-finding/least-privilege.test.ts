import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PatchOnFinding } from "../../components/patch-on-finding";
import { respond, type PatchReport } from "../../components/patch-on-finding/lambda/responder";
import { settingsFromEnv } from "../../components/patch-on-finding/lambda/settings";
import { evaluate } from "../harness/iam-evaluator";
import { builtFunction, checkCommands, commandsOf, iamRequests } from "../harness/least-privilege";
import { ACCOUNT_ID, REGION, settle, useOfflineMocks } from "../harness/pulumi";
import { FakeAws } from "./fakes";

/** Every AWS call PatchOnFinding makes is granted by the policy its component builds, and nothing more (both strategies). */
describe("PatchOnFinding: every AWS call is granted, and nothing more", () => {
  beforeEach(() => useOfflineMocks());
  // The fixture's account becomes the offline stack's own, so the component's policy applies to it.
  const finding = () => JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures/inspector-ec2-package-vulnerability.json"), "utf8").replaceAll("111122223333", ACCOUNT_ID));
  const INSTANCE = "i-0123456789abcdef0";

  for (const strategy of ["immediate", "maintenance-window"] as const) {
    it(`${strategy}, scoped by a tag: the instance writes need the tag on the instance itself (evaluated)`, async () => {
      new PatchOnFinding("patch", { mode: "enforce", scopeTagKey: "team:patch", ...(strategy === "maintenance-window" ? { maintenanceWindow: { schedule: "cron(0 3 ? * SUN *)" } } : {}) });
      await settle();
      const { env, policy } = builtFunction("patch-patcher");
      const { topicArn, tableName, ...settings } = settingsFromEnv(env);
      const aws = new FakeAws(ACCOUNT_ID);
      aws.topics.add(topicArn!);
      aws.addInstance({ accountId: ACCOUNT_ID, region: REGION }, INSTANCE, { tags: { "team:patch": "TRUE" } });
      const deps = { clients: aws.clients, settings, topicArn: topicArn!, sns: aws.snsClient(), reported: aws.reportedIn(tableName), now: aws.clock.now, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
      assert.equal(((await respond(finding(), deps)) as PatchReport).outcome, "act");
      const sent = commandsOf(aws.stubs);
      const where = { accountId: ACCOUNT_ID, region: REGION, key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey")?.Resource[0], tagsOf: (arn: string) => (arn.endsWith(INSTANCE) ? { "team:patch": "TRUE" } : undefined) };
      checkCommands("patch-on-finding", policy, sent, where);
      // The same calls on an instance without the tag: IAM refuses every one on the instance.
      const onInstance = sent.flatMap((c) => iamRequests(c, { ...where, tagsOf: () => undefined })).filter((r) => r.resource.endsWith(`instance/${INSTANCE}`));
      assert.ok(onInstance.length > 0);
      assert.deepEqual(onInstance.map((r) => evaluate({ identity: [policy] }, r).decision), onInstance.map(() => "implicitDeny"));
    });

    it(`${strategy}, scoped by Auto Scaling groups: the instance writes need the group's tag on the instance (evaluated)`, async () => {
      new PatchOnFinding("patch", { mode: "enforce", scopeAutoScalingGroups: ["web-asg"], ...(strategy === "maintenance-window" ? { maintenanceWindow: { schedule: "cron(0 3 ? * SUN *)" } } : {}) });
      await settle();
      const { env, policy } = builtFunction("patch-patcher");
      const { topicArn, tableName, ...settings } = settingsFromEnv(env);
      const aws = new FakeAws(ACCOUNT_ID);
      aws.topics.add(topicArn!);
      const groupTag = { "aws:autoscaling:groupName": "web-asg" };
      aws.addInstance({ accountId: ACCOUNT_ID, region: REGION }, INSTANCE, { tags: groupTag });
      const deps = { clients: aws.clients, settings, topicArn: topicArn!, sns: aws.snsClient(), reported: aws.reportedIn(tableName), now: aws.clock.now, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
      assert.equal(((await respond(finding(), deps)) as PatchReport).outcome, "act");
      const sent = commandsOf(aws.stubs);
      const where = { accountId: ACCOUNT_ID, region: REGION, key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey")?.Resource[0], tagsOf: (arn: string) => (arn.endsWith(INSTANCE) ? groupTag : undefined) };
      checkCommands("patch-on-finding", policy, sent, where);
      // The same calls on an instance of another group, or of none (even one carrying the default scope tag): refused.
      for (const tags of [{ "aws:autoscaling:groupName": "billing-asg" }, {}, { "kamae:isolation-scope": "true" }] as Array<Record<string, string>>) {
        const onInstance = sent.flatMap((c) => iamRequests(c, { ...where, tagsOf: (arn: string) => (arn.endsWith(INSTANCE) ? tags : undefined) })).filter((r) => r.resource.endsWith(`instance/${INSTANCE}`));
        assert.ok(onInstance.length > 0);
        assert.deepEqual(onInstance.map((r) => evaluate({ identity: [policy] }, r).decision), onInstance.map(() => "implicitDeny"), JSON.stringify(tags));
      }
    });

    it(`${strategy}: the calls of a patched finding and of its replay`, async () => {
      new PatchOnFinding("patch", { mode: "enforce", ...(strategy === "maintenance-window" ? { maintenanceWindow: { schedule: "cron(0 3 ? * SUN *)" } } : {}) });
      await settle();
      const { env, policy } = builtFunction("patch-patcher");
      const { topicArn, tableName, ...settings } = settingsFromEnv(env);
      // Per-client stubs: nothing to restore.
      const aws = new FakeAws(ACCOUNT_ID);
      aws.topics.add(topicArn!);
      aws.addInstance({ accountId: ACCOUNT_ID, region: REGION }, INSTANCE);
      const deps = { clients: aws.clients, settings, topicArn: topicArn!, sns: aws.snsClient(), reported: aws.reportedIn(tableName), now: aws.clock.now, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
      const report = (await respond(finding(), deps)) as PatchReport;
      assert.equal(report.outcome, "act");
      await respond(finding(), deps);
      checkCommands("patch-on-finding", policy, commandsOf(aws.stubs), { accountId: ACCOUNT_ID, region: REGION, key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey")?.Resource[0] });
    });
  }
});
