import { strict as assert } from "node:assert";
import { DENY_OLD_SESSIONS_POLICY, parseStepInput, runStep, type StepDeps } from "../../components/guardduty-responder/lambda/credential-steps";
import { stepSettingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { credentialWorkflowDefinition } from "../../components/guardduty-responder/workflow";
import { validateStateMachine } from "../../components/guardduty-responder/workflow-validator";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { FakeClock } from "../harness/aws";
import { evaluate, signingContext } from "../harness/iam-evaluator";
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
  let protectedPrincipals: string[] = [];
  const finding = { id: "16afba5c5c43e07c9e3e5e2e544e0003", type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", accountId: MEMBER, region: "us-east-1", principal: { type: "AssumedRole", name: "web-role", accessKeyId: "ASIAEXAMPLE1234567890" }, createdAt: "2026-11-22T23:00:00.000Z", updatedAt: "2026-11-22T23:19:30.000Z" };
  const deps = (): StepDeps => ({
    settings: { reportBucket: "kamae-reports", reportKmsKeyArn: `arn:aws:kms:us-east-1:${HOME}:key/abc`, lookbackHours: 24, maxEvents: 120, protectedPrincipals },
    clients: new AccountClients({ homeAccountId: HOME, memberAccountIds: [MEMBER], memberRoleName: "kamae-member", sessionName: "t" }, { sts: () => ({ send: async () => ({ Credentials: { AccessKeyId: "a", SecretAccessKey: "b", SessionToken: "c", Expiration: new Date(clock.now() + 3600_000) } }) }) as never, now: clock.now }),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: clock.now,
    sleep: clock.sleep,
    home: { accountId: HOME, region: "us-east-1" },
  });

  beforeEach(() => {
    protectedPrincipals = [];
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

  describe("restrict: is the stolen credential still usable? (IAM policy evaluation, not the policy's shape)", () => {
    const USER_KEY = "AKIAEXAMPLELONGTERM1";
    const OTHER_KEY = "AKIAEXAMPLESPARE0002";
    const aliceArn = `arn:aws:iam::${MEMBER}:user/alice`;
    const allowAll = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
    /** Authentication (the key exists and is active) then authorization (the user's policies) of one request. */
    const stillAllowed = (signedWith: { kind: "long-term"; keyId: string } | { kind: "temporary"; issuedAt: string }) => {
      if (signedWith.kind === "long-term" && aws.accessKeys.get(signedWith.keyId)?.status !== "Active") return false;
      const identity = [...aws.principals.get("user/alice")!.values()];
      const context = signingContext(signedWith.kind === "long-term" ? { kind: "long-term" } : signedWith, aliceArn);
      return evaluate({ identity }, { action: "s3:GetObject", resource: "arn:aws:s3:::payroll/2026.csv", context }).decision === "allowed";
    };
    const aliceFinding = { ...finding, type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller", principal: { type: "IAMUser", name: "alice", accessKeyId: USER_KEY } };

    beforeEach(() => {
      aws.principals.set("user/alice", new Map([["app-access", allowAll]]));
      aws.accessKeys.set(USER_KEY, { userName: "alice", status: "Active" });
      aws.accessKeys.set(OTHER_KEY, { userName: "alice", status: "Active" });
    });

    it("a long-term key named by the finding is deactivated; sessions issued before now are denied; the report says which", async () => {
      assert.equal(stillAllowed({ kind: "long-term", keyId: USER_KEY }), true);
      const result: any = await runStep({ step: "restrict", finding: aliceFinding }, deps());
      assert.equal(stillAllowed({ kind: "long-term", keyId: USER_KEY }), false, "the stolen key still signs requests");
      assert.equal(stillAllowed({ kind: "temporary", issuedAt: "2026-11-22T23:30:00Z" }), false, "a session issued before the response still works");
      assert.equal(stillAllowed({ kind: "temporary", issuedAt: "2026-11-23T00:30:00Z" }), true, "the owner's new sessions must work");
      assert.deepEqual(result.accessKey, { id: USER_KEY, status: "deactivated" });
      assert.ok(result.done.some((l: string) => l.includes(`${USER_KEY} of user alice deactivated`)));
      // The other key of the user is not the finding's: it stays usable, and a human is told so.
      assert.equal(stillAllowed({ kind: "long-term", keyId: OTHER_KEY }), true);
      assert.ok(result.forHuman.some((l: string) => l.includes(OTHER_KEY) && /remain usable/.test(l)), result.summary);
      assert.match(result.summary, /Done:[\s\S]*deactivated[\s\S]*For a human:/);
    });

    it("a replay deactivates nothing twice and reports the key inactive", async () => {
      await runStep({ step: "restrict", finding: aliceFinding }, deps());
      const replay: any = await runStep({ step: "restrict", finding: aliceFinding }, deps());
      assert.equal(replay.changed, false);
      assert.deepEqual(replay.accessKey, { id: USER_KEY, status: "already inactive" });
      assert.equal(aws.calls.filter((c) => c === "iam:UpdateAccessKey").length, 1);
    });

    it("a key that is not the named user's is refused and reported, and the user's sessions are still cut off", async () => {
      aws.accessKeys.set("AKIAEXAMPLEBOBSKEY01", { userName: "bob", status: "Active" });
      aws.principals.set("user/bob", new Map());
      const result: any = await runStep({ step: "restrict", finding: { ...aliceFinding, principal: { ...aliceFinding.principal, accessKeyId: "AKIAEXAMPLEBOBSKEY01" } } }, deps());
      assert.equal(aws.accessKeys.get("AKIAEXAMPLEBOBSKEY01")!.status, "Active");
      assert.ok(result.refused.some((l: string) => /not a key of user alice/.test(l)));
      assert.ok(aws.principals.get("user/alice")!.has(DENY_OLD_SESSIONS_POLICY));
    });

    it("temporary credentials of a role: the session deny stops them, and a human hears that new sessions still work", async () => {
      const result: any = await runStep({ step: "restrict", finding }, deps());
      assert.equal(result.accessKey, undefined);
      const identity = [...aws.principals.get("role/web-role")!.values()];
      const ctx = signingContext({ kind: "temporary", issuedAt: "2026-11-22T23:10:00Z" }, `arn:aws:sts::${MEMBER}:assumed-role/web-role/i-0abc`);
      assert.equal(evaluate({ identity }, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: ctx }).decision, "explicitDeny");
      assert.ok(result.forHuman.some((l: string) => /issued after .* are allowed/.test(l)));
    });
  });

  describe("restrict: protected principals are reported, never changed", () => {
    const protectedCases: Array<[string, () => void, Record<string, unknown>]> = [
      ["a break-glass role by name pattern", () => (protectedPrincipals = ["breakglass-*"]), { type: "AssumedRole", name: "breakglass-admin" }],
      ["a role by ARN pattern, path included (read from IAM, not the finding)", () => {
        protectedPrincipals = [`arn:aws:iam::*:role/incident-response/*`];
        aws.paths.set("role/responder", "/incident-response/");
      }, { type: "AssumedRole", name: "responder" }],
      ["an admin user by name", () => (protectedPrincipals = ["admin"]), { type: "IAMUser", name: "admin", accessKeyId: "AKIAEXAMPLEADMINKEY1" }],
      ["an AWS service-linked role", () => aws.paths.set("role/AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/"), { type: "AssumedRole", name: "AWSServiceRoleForSupport" }],
    ];
    for (const [what, setUp, principal] of protectedCases) {
      it(what, async () => {
        setUp();
        const key = `${principal.type === "IAMUser" ? "user" : "role"}/${principal.name}`;
        aws.principals.set(key, new Map());
        if (principal.accessKeyId) aws.accessKeys.set(principal.accessKeyId as string, { userName: principal.name as string, status: "Active" });
        const result: any = await runStep({ step: "restrict", finding: { ...finding, principal } }, deps());
        assert.equal(result.changed, false);
        assert.equal(aws.principals.get(key)!.size, 0, "no policy written on a protected principal");
        if (principal.accessKeyId) assert.equal(aws.accessKeys.get(principal.accessKeyId as string)!.status, "Active");
        assert.ok(!aws.calls.some((c) => /^iam:(Put|Update)/.test(c)), aws.calls.join(","));
        assert.ok(result.refused.some((l: string) => /protected principal/.test(l)));
        assert.ok(result.forHuman.length > 0);
      });
    }

    it("the member access role is protected without configuration", () => {
      const settings = stepSettingsFromEnv({ KAMAE_REPORT_BUCKET: "b", KAMAE_MEMBER_ROLE_NAME: "kamae-member", KAMAE_PROTECTED_PRINCIPALS: JSON.stringify(["breakglass"]) });
      assert.deepEqual(settings.protectedPrincipals, ["breakglass", "kamae-member"]);
      assert.throws(() => stepSettingsFromEnv({ KAMAE_REPORT_BUCKET: "b", KAMAE_PROTECTED_PRINCIPALS: JSON.stringify(["*"]) }), /every principal/);
    });
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
      [{ step: "gather", finding: { ...finding, updatedAt: 1764000000000 } }, /updatedAt is not a time/],
    ];
    for (const [input, message] of bad) assert.throws(() => parseStepInput(input), message);
    assert.deepEqual(aws.calls, []);
  });

  it("checks a field's type before parsing it: a deeply nested createdAt is refused, not a stack overflow", () => {
    let nested: unknown = "2026-11-22T23:00:00Z";
    for (let i = 0; i < 200_000; i++) nested = [nested];
    assert.throws(() => parseStepInput({ step: "restrict", finding: { ...finding, createdAt: nested } }), (err: Error) => err.name === "StepInputError" && /createdAt is not a time/.test(err.message));
  });
});
