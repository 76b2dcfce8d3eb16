import { strict as assert } from "node:assert";
import { DENY_OLD_SESSIONS_POLICY, parseStepInput, runStep, type StepDeps } from "../../components/guardduty-responder/lambda/credential-steps";
import { credentialWorkflowDefinition } from "../../components/guardduty-responder/workflow";
import { validateStateMachine } from "../../components/guardduty-responder/workflow-validator";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { FakeClock } from "../harness/aws";
import { FakeAws } from "./fakes";

const HOME = "111122223333";
const MEMBER = "444455556666";
const ARGS = { functionArn: `arn:aws:lambda:us-east-1:${HOME}:function:steps`, topicArn: `arn:aws:sns:us-east-1:${HOME}:topic` };

describe("credential compromise workflow definition", () => {
  const definition = credentialWorkflowDefinition(ARGS) as any;

  it("is valid: targets exist, every state reachable, every path ends", () => {
    assert.deepEqual(validateStateMachine(definition), []);
  });

  it("notifies, restricts, gathers, notifies again, in that order; every failure is caught and notified", () => {
    const order: string[] = [];
    for (let s: string | undefined = definition.StartAt; s; s = definition.States[s].Next) order.push(s);
    assert.deepEqual(order, ["NotifyStarted", "RestrictPrincipal", "GatherActivity", "NotifyCompleted", "Completed"]);
    for (const name of ["NotifyStarted", "RestrictPrincipal", "GatherActivity"]) assert.equal(definition.States[name].Catch[0].Next, "NotifyFailed");
    assert.equal(definition.States.NotifyFailed.Next, "Failed");
    assert.equal(definition.States.Failed.Type, "Fail");
    assert.deepEqual(definition.States.RestrictPrincipal.Parameters.Payload, { step: "restrict", "finding.$": "$.finding" });
    assert.equal(definition.States.NotifyStarted.Parameters.TopicArn, ARGS.topicArn);
  });

  describe("the validator finds each kind of defect", () => {
    const broken = (mutate: (d: any) => void) => {
      const d = structuredClone(definition);
      mutate(d);
      return validateStateMachine(d);
    };
    const cases: Array<[string, (d: any) => void, RegExp]> = [
      ["StartAt missing", (d) => (d.StartAt = "Nope"), /StartAt "Nope" is not a state/],
      ["Next to nowhere", (d) => (d.States.GatherActivity.Next = "Nowhere"), /GatherActivity: Next "Nowhere" is not a state/],
      ["Catch to nowhere", (d) => (d.States.RestrictPrincipal.Catch[0].Next = "Gone"), /Catch\[0\]\.Next "Gone"/],
      ["unreachable state", (d) => (d.States.Orphan = { Type: "Pass", End: true }), /Orphan: not reachable/],
      ["no Next nor End", (d) => delete d.States.NotifyCompleted.Next, /NotifyCompleted: has neither Next nor End/],
      ["Next and End", (d) => (d.States.NotifyCompleted.End = true), /has both Next and End/],
      ["terminal with Next", (d) => (d.States.Completed.Next = "Failed"), /Succeed state takes neither/],
      ["unknown type", (d) => (d.States.Completed.Type = "Finish"), /Type "Finish"/],
      ["task without resource", (d) => delete d.States.GatherActivity.Resource, /needs a Resource ARN/],
      ["loop without exit", (d) => {
        d.States.Loop = { Type: "Pass", Next: "Loop2" };
        d.States.Loop2 = { Type: "Pass", Next: "Loop" };
        d.States.NotifyStarted.Next = "Loop";
      }, /no path from it reaches an end state/],
      ["Choice default to nowhere", (d) => (d.States.NotifyStarted = { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "RestrictPrincipal" }], Default: "Ghost" }), /Default "Ghost"/],
      ["broken Parallel branch", (d) => (d.States.Completed = { Type: "Parallel", Branches: [{ StartAt: "A", States: { A: { Type: "Pass" } } }], End: true }), /Branches\[0\]\.A: has neither Next nor End/],
    ];
    for (const [what, mutate, message] of cases) {
      it(what, () => assert.ok(broken(mutate).some((e) => message.test(e)), broken(mutate).join("\n")));
    }
  });
});

describe("credential workflow steps", () => {
  let clock: FakeClock;
  let aws: FakeAws;
  const finding = { id: "16afba5c5c43e07c9e3e5e2e544e0003", type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", accountId: MEMBER, region: "us-east-1", principal: { type: "AssumedRole", name: "web-role", accessKeyId: "ASIAEXAMPLE1234567890" }, createdAt: "2026-11-22T23:00:00.000Z", updatedAt: "2026-11-22T23:19:30.000Z" };
  const deps = (): StepDeps => ({
    settings: { reportBucket: "kamae-reports", reportKmsKeyArn: `arn:aws:kms:us-east-1:${HOME}:key/abc`, lookbackHours: 24, maxEvents: 120 },
    clients: new AccountClients({ homeAccountId: HOME, memberAccountIds: [MEMBER], memberRoleName: "kamae-member", sessionName: "t" }, { sts: () => ({ send: async () => ({ Credentials: { AccessKeyId: "a", SecretAccessKey: "b", SessionToken: "c", Expiration: new Date(clock.now() + 3600_000) } }) }) as never, now: clock.now }),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: clock.now,
    sleep: clock.sleep,
    home: { accountId: HOME, region: "us-east-1" },
  });

  beforeEach(() => {
    clock = new FakeClock(Date.parse("2026-11-23T00:00:00Z"));
    aws = new FakeAws(clock);
    aws.principals.set("role/web-role", new Map([["app-access", '{"Version":"2012-10-17","Statement":[]}']]));
    aws.principals.set("user/alice", new Map());
    aws.buckets.set("kamae-reports", { encryption: "aws:kms" });
  });
  afterEach(() => aws.restore());

  it("restrict: denies the role's sessions issued before now, and a replay does not move the cut-off", async () => {
    const first: any = await runStep({ step: "restrict", finding }, deps());
    assert.equal(first.changed, true);
    assert.equal(first.principalArn, `arn:aws:iam::${MEMBER}:role/web-role`);
    const policy = JSON.parse(aws.principals.get("role/web-role")!.get(DENY_OLD_SESSIONS_POLICY)!);
    assert.deepEqual(policy.Statement[0].Condition, { DateLessThan: { "aws:TokenIssueTime": "2026-11-23T00:00:00.000Z" } });
    assert.equal(policy.Statement[0].Effect, "Deny");
    assert.ok(aws.principals.get("role/web-role")!.has("app-access"), "the role's other policies are untouched");
    clock.advance(600_000);
    const replay: any = await runStep({ step: "restrict", finding }, deps());
    assert.equal(replay.changed, false);
    assert.equal(aws.calls.filter((c) => c === "iam:PutRolePolicy").length, 1);
    // A newer finding (updated after the cut-off) moves it forward.
    const later: any = await runStep({ step: "restrict", finding: { ...finding, updatedAt: "2026-11-23T00:05:00.000Z" } }, deps());
    assert.equal(later.changed, true);
    assert.equal(later.deniedBefore, "2026-11-23T00:10:00.000Z");
  });

  it("restrict: works for IAM users and fails clearly for a principal that does not exist", async () => {
    const user: any = await runStep({ step: "restrict", finding: { ...finding, principal: { type: "IAMUser", name: "alice" } } }, deps());
    assert.equal(user.principalArn, `arn:aws:iam::${MEMBER}:user/alice`);
    assert.ok(aws.principals.get("user/alice")!.has(DENY_OLD_SESSIONS_POLICY));
    await assert.rejects(runStep({ step: "restrict", finding: { ...finding, principal: { type: "AssumedRole", name: "ghost" } } }, deps()), /NoSuchEntity|cannot be found/);
  });

  it("gather: pages LookupEvents within its rate limit and writes a KMS-encrypted report named after the finding", async () => {
    for (let i = 0; i < 130; i++) {
      aws.trailEvents.push({ EventId: `e${i}`, EventName: i % 2 ? "ListBuckets" : "GetObject", EventSource: "s3.amazonaws.com", EventTime: new Date(Date.parse("2026-11-22T20:00:00Z") + i * 1000), AccessKeyId: "ASIAEXAMPLE1234567890", Username: "web-role", CloudTrailEvent: JSON.stringify({ sourceIPAddress: "192.0.2.200", userAgent: "aws-cli", awsRegion: "us-east-1" }) });
    }
    aws.trailEvents.push({ EventId: "other", EventName: "GetObject", EventSource: "s3.amazonaws.com", EventTime: new Date("2026-11-22T21:00:00Z"), AccessKeyId: "ASIAOTHER00000000000", Username: "x", CloudTrailEvent: "{}" });
    const result: any = await runStep({ step: "gather", finding }, deps());
    assert.deepEqual({ events: result.events, truncated: result.truncated }, { events: 120, truncated: true });
    const stored = aws.objects.get(`kamae-reports/credential-activity/${MEMBER}/us-east-1/${finding.id}.json`)!;
    assert.equal(stored.sse, "aws:kms");
    const report = JSON.parse(stored.body);
    assert.equal(report.accountId, MEMBER);
    assert.equal(report.events[0].sourceIPAddress, "192.0.2.200");
    assert.ok(report.events.every((e: any) => e.eventId !== "other"));
    // Three pages of 50, paced to LookupEvents' 2 calls per second: never throttled.
    assert.equal(aws.calls.filter((c) => c === "cloudtrail:LookupEvents").length, 3);
  });

  it("gather: backs off when throttled and still completes", async () => {
    aws.trailEvents.push({ EventId: "e1", EventName: "GetObject", EventSource: "s3.amazonaws.com", EventTime: new Date("2026-11-22T21:00:00Z"), AccessKeyId: "ASIAEXAMPLE1234567890", Username: "web-role", CloudTrailEvent: "{}" });
    const noPause = { ...deps(), sleep: async () => undefined };
    // Two calls drain the bucket; the step's own call is throttled until fake time passes.
    await runStep({ step: "gather", finding }, noPause);
    await runStep({ step: "gather", finding }, noPause);
    const result: any = await runStep({ step: "gather", finding }, { ...deps() });
    assert.equal(result.events, 1);
    assert.ok(aws.calls.filter((c) => c === "cloudtrail:LookupEvents").length > 3, "a throttled call was retried");
  });

  it("refuses malformed step input before calling AWS", () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /not an object/],
      [{ step: "delete", finding }, /step must be/],
      [{ step: "restrict", finding: { ...finding, accountId: "123" } }, /accountId/],
      [{ step: "restrict", finding: { ...finding, principal: { type: "Root", name: "root" } } }, /IAMUser or AssumedRole/],
      [{ step: "restrict", finding: { ...finding, principal: { type: "IAMUser", name: "a/../b" } } }, /not an IAM name/],
      [{ step: "gather", finding: { ...finding, createdAt: "yesterday" } }, /createdAt is not a time/],
    ];
    for (const [input, message] of bad) assert.throws(() => parseStepInput(input), message);
    assert.deepEqual(aws.calls, []);
  });
});
