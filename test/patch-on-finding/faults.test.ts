import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { respond, type PatchReport, type ResponderDeps } from "../../components/patch-on-finding/lambda/responder";
import { settingsFromEnv } from "../../components/patch-on-finding/lambda/settings";
import { awsError } from "../harness/aws";
import { FakeAws } from "./fakes";

/**
 * Fault injection, call by call: each AWS call of a patch (immediate: SSM registration, the commands, the instance's
 * and its group's tags, Run Command, the report; maintenance window: the pending tag) fails the first time with
 * throttling, a missing permission and a conflict. A failed read or write fails the invocation before anything is
 * reported done (Lambda retries it, then the failure queue and its alarm); a failed report after the patch was sent
 * fails it too, and the retry finds the command sent for this finding and reports it. Only the record of answered
 * findings may fail without failing the run, and that is logged. Never a silent partial success; the patch is sent
 * once; once answered, a replay is quiet.
 */
const HOME = "111122223333";
const TARGET = { accountId: HOME, region: "us-east-1" };
const TOPIC = `arn:aws:sns:us-east-1:${HOME}:kamae-reports`;
const INSTANCE = "i-0123456789abcdef0";
const PEER = "i-0aaaaaaaaaaaaaaa2";

const STRATEGIES = {
  immediate: ["dynamodb:GetItem", "ssm:DescribeInstanceInformation", "ssm:ListCommands", "ec2:DescribeTags", "ssm:SendCommand", "sns:Publish", "dynamodb:PutItem"],
  "maintenance-window": ["ec2:CreateTags"],
} as const;
const FAULTS: Record<string, (call: string) => Error> = {
  throttling: (call) => awsError(call.startsWith("ec2:") ? "RequestLimitExceeded" : "ThrottlingException", "Rate exceeded"),
  "access-denied": (call) => awsError(call.startsWith("ec2:") ? "UnauthorizedOperation" : "AccessDeniedException", `not authorized to perform ${call}`, { httpStatusCode: 403 }),
  conflict: (call) =>
    call.startsWith("dynamodb:")
      ? awsError("TransactionConflictException", "Transaction is ongoing for the item")
      : call.startsWith("ec2:")
        ? awsError("IncorrectState", "The instance is in an incorrect state for this request")
        : awsError("ConflictException", `a concurrent change conflicts with ${call}`, { httpStatusCode: 409 }),
};
const CASES = Object.entries(STRATEGIES).flatMap(([strategy, calls]) => calls.map((call) => [strategy as keyof typeof STRATEGIES, call] as const));
export const PATCH_FAULT_CASES = CASES.length * Object.keys(FAULTS).length;

function finding(): any {
  return JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures/inspector-ec2-package-vulnerability.json"), "utf8"));
}

describe(`PatchOnFinding fault injection: ${CASES.length} calls × ${Object.keys(FAULTS).length} faults = ${PATCH_FAULT_CASES} cases (issue 18)`, () => {
  let aws: FakeAws;
  let logged: string[];
  const deps = (strategy: keyof typeof STRATEGIES): ResponderDeps => ({
    clients: aws.clients,
    settings: settingsFromEnv({ KAMAE_MODE: "enforce", KAMAE_TABLE_NAME: "kamae-answered", KAMAE_PATCH_STRATEGY: strategy, KAMAE_GROUP_TAG_KEY: "cluster" }),
    topicArn: TOPIC,
    sns: aws.snsClient(),
    reported: aws.reported,
    now: aws.clock.now,
    log: { info: () => undefined, warn: (m: string) => void logged.push(m), error: (m: string) => void logged.push(m) },
  });

  beforeEach(() => {
    aws = new FakeAws(HOME);
    logged = [];
    aws.topics.add(TOPIC);
    // In an Auto Scaling group and a tagged cluster, with a peer being patched: every read of the plan happens.
    const tags = { "aws:autoscaling:groupName": "web", cluster: "web" };
    aws.addInstance(TARGET, INSTANCE, { tags: { ...tags } });
    aws.addInstance(TARGET, PEER, { tags: { ...tags } });
    aws.addInstance(TARGET, "i-0aaaaaaaaaaaaaaa3", { tags: { ...tags } });
    aws.addInstance(TARGET, "i-0aaaaaaaaaaaaaaa4", { tags: { ...tags } });
    aws.addCommand(TARGET, { instanceId: PEER, status: "Success", comment: "kamae patch-on-finding CVE-2026-0002", minutesAgo: 30 });
  });

  for (const [strategy, call] of CASES) {
    for (const [name, fault] of Object.entries(FAULTS)) {
      it(`${strategy}: ${call} fails with ${name}: failed and retried, or complete and logged; done once, reported, a replay is quiet`, async () => {
        const d = deps(strategy);
        let fired = false;
        aws.fault = (c) => (c === call && !fired ? ((fired = true), fault(call)) : undefined);
        let failed: Error | undefined;
        let report: unknown;
        try {
          report = await respond(finding(), d);
        } catch (err) {
          failed = err as Error;
        }
        assert.ok(fired, `${call} is part of the plan`);
        if (failed) {
          assert.equal(failed.name, fault(call).name, "the invocation fails with the fault (Lambda retries it, then the failure queue)");
          assert.equal(aws.answered.size, 0, "a failed response is not remembered as answered");
          if (call !== "sns:Publish") assert.equal(aws.published.length, 0, "nothing is reported done");
          report = await respond(finding(), d);
        } else {
          assert.ok(call.startsWith("dynamodb:"), `a fault of ${call} must fail the run`);
          assert.ok(logged.some((m) => m.includes("answered")), "the fault is logged");
        }
        const done = report as PatchReport;
        assert.ok(["act", "already-handled"].includes(done.outcome), done.outcome);
        if (strategy === "immediate") assert.equal(aws.commandsOf(TARGET).filter((c) => c.InstanceIds.includes(INSTANCE)).length, 1, "the patch is sent once");
        else assert.equal(aws.world(TARGET).instances.get(INSTANCE)!.tags["kamae:patch-pending"], "true");
        assert.equal(aws.published.length, 1, "reported once");
        assert.match(aws.published[0].Subject!, /patching|already-handled/);
        if (call !== "dynamodb:PutItem") {
          assert.ok("replay" in ((await respond(finding(), d)) as object), "a replay of the answered finding is quiet");
          assert.equal(aws.published.length, 1);
        }
      });
    }
  }
});
