import { strict as assert } from "node:assert";
import { parseQueueMessage } from "../../components/waf-auto-block/lambda/block-request";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DENY_INSECURE_SID, mergeDenyInsecureTransport, planBucketHardening } from "../../components/guardduty-responder/lambda/bucket-hardening";
import { executionName, respondToFinding } from "../../components/guardduty-responder/lambda/responder";
import { type ResponderSettings, settingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { awsError, FakeClock } from "../harness/aws";
import { ENFORCE, ENV, FakeAws, HOME, ISOLATION, MEMBER, QUEUE, TOPIC, WORKFLOW } from "./fakes";

const PUBLIC_IP = "93.184.216.34";

const sharedFixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../components/shared/events/fixtures", name), "utf8"));
const macieFixture = () => JSON.parse(readFileSync(join(__dirname, "../../components/guardduty-responder/fixtures/macie-sensitive-data.json"), "utf8"));
function ccEvent() {
  const e = sharedFixture("guardduty-network-connection.json");
  e.detail.severity = 8;
  e.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = PUBLIC_IP;
  return e;
}


describe("GuardDutyResponder function", () => {
  let clock: FakeClock;
  let aws: FakeAws;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps = (settings: ResponderSettings = settingsFromEnv({ ...ENV, KAMAE_ACTION_MODES: ENFORCE })) => ({
    settings,
    clients: new AccountClients({ homeAccountId: HOME, memberAccountIds: [MEMBER], memberRoleName: "kamae-member", sessionName: "t" }, { sts: () => ({ send: async () => ({ Credentials: { AccessKeyId: "a", SecretAccessKey: "b", SessionToken: "c", Expiration: new Date(clock.now() + 3600_000) } }) }) as never, now: clock.now }),
    reported: aws.reported,
    bucketChanges: aws.bucketChanges(settings),
    log,
    now: clock.now,
  });

  beforeEach(() => {
    clock = new FakeClock();
    aws = new FakeAws(clock);
    aws.topics.add(TOPIC);
    aws.functions.add(ISOLATION);
    aws.queues.add(QUEUE);
    aws.stateMachines.add(WORKFLOW);
  });
  afterEach(() => aws.restore());

  it("C&C (high): asks InstanceIsolation and WafAutoBlock with the agreed messages, sends the scan, then notifies", async () => {
    const event = ccEvent();
    const instanceId = event.detail.resource.instanceDetails.instanceId;
    aws.instances.add(instanceId);
    const report = await respondToFinding(event, deps());
    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["scan", "done"], ["isolate", "done"], ["block", "done"], ["notify", "done"]]);
    assert.deepEqual(aws.invocations, [
      {
        functionName: ISOLATION,
        payload: { kind: "kamae.isolate", instanceId, accountId: MEMBER, region: "us-east-1", reason: report.plan!.actions[1].reason, findingId: event.detail.id, source: "guardduty" },
      },
    ]);
    assert.deepEqual(aws.messages[0], {
      queueUrl: QUEUE,
      body: { kind: "kamae.block", addresses: [PUBLIC_IP], source: "guardduty", reason: aws.messages[0].body.reason, ttlMinutes: 240, requestId: `gd:${event.detail.id}:${event.detail.updatedAt}` },
    });
    assert.match(aws.messages[0].body.reason, new RegExp(event.detail.id));
    // The contract with WafAutoBlock: its queue consumer accepts exactly this message.
    const accepted = parseQueueMessage(JSON.stringify(aws.messages[0].body));
    assert.ok(accepted.ok, accepted.ok ? "" : accepted.reason);
    assert.deepEqual(aws.commands.map((c) => [c.DocumentName, c.InstanceIds, c.Comment]), [["Kamae-AntiMalwareScan", [instanceId], `kamae guardduty ${event.detail.id}`]]);
    assert.equal(aws.published.length, 1);
    assert.match(aws.published[0].message, new RegExp(`Account ${MEMBER}, Region us-east-1`));
    assert.match(aws.published[0].message, /- isolate \[enforce\] done/);
  });

  it("replays change nothing even without the record of answered findings (it could not be written): the scan is not sent twice", async () => {
    const event = ccEvent();
    aws.instances.add(event.detail.resource.instanceDetails.instanceId);
    await respondToFinding(event, deps());
    aws.answered.clear();
    const second = await respondToFinding(event, deps());
    assert.equal(aws.commands.length, 1);
    assert.equal(second.outcomes.find((o) => o.action === "scan")!.status, "already");
  });

  it("detect mode reports the plan and changes nothing", async () => {
    const event = ccEvent();
    aws.instances.add(event.detail.resource.instanceDetails.instanceId);
    const report = await respondToFinding(event, deps(settingsFromEnv(ENV)));
    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["scan", "detect"], ["isolate", "detect"], ["block", "detect"], ["notify", "done"]]);
    assert.deepEqual([aws.invocations.length, aws.messages.length, aws.commands.length], [0, 0, 0]);
    assert.match(aws.published[0].message, /isolate \[detect\] detect: would isolate i-/);
  });

  it("a failed action does not stop the others; the event fails after notifying (for the retry and the failure queue)", async () => {
    const event = ccEvent(); // the instance is not managed by SSM: SendCommand fails
    await assert.rejects(respondToFinding(event, deps()), /1 action\(s\) failed: scan: InvalidInstanceId/);
    assert.equal(aws.invocations.length, 1);
    assert.equal(aws.messages.length, 1);
    assert.match(aws.published[0].message, /scan \[enforce\] failed: InvalidInstanceId/);
  });

  it("credential misuse starts the workflow once per update of a finding: a replay starts nothing, an update restricts again", async () => {
    const event = sharedFixture("guardduty-aws-api-call.json");
    const report = await respondToFinding(event, deps());
    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["restrictCredentials", "done"], ["notify", "done"]]);
    const [[key, execution]] = [...aws.executions];
    assert.equal(key, `${WORKFLOW}/${executionName(event.detail.id, event.detail.updatedAt)}`);
    assert.deepEqual(JSON.parse(execution.input).finding.principal, { type: "AssumedRole", name: "web-role", accessKeyId: "ASIAEXAMPLE1234567890" });
    // A replay of the same event maps to the same execution.
    await respondToFinding(event, deps());
    assert.equal(aws.executions.size, 1);
    // GuardDuty updated the finding (the activity goes on): a new execution, whose restrict step moves the cut-off.
    event.detail.updatedAt = "2026-11-23T01:00:00.000Z";
    const again = await respondToFinding(event, deps());
    assert.equal(again.outcomes[0].status, "done");
    assert.equal(aws.executions.size, 2);
    assert.equal(JSON.parse([...aws.executions.values()][1].input).finding.updatedAt, "2026-11-23T01:00:00.000Z");
  });

  it("execution names stay within Step Functions' rules for any finding id and time", () => {
    const names = [executionName("a".repeat(32), "2026-11-23T01:00:00.000Z"), executionName("b".repeat(300), "2026-11-23T01:00:00Z"), executionName("c", undefined), executionName("d", "not a time")];
    for (const n of names) assert.match(n, /^[A-Za-z0-9_-]{1,80}$/);
    assert.notEqual(executionName("b".repeat(300), "2026-11-23T01:00:00Z"), executionName("b".repeat(300), "2026-11-23T02:00:00Z"));
  });

  it("a redelivered finding is reported as already handled while the workflow runs and after it finished, and publishes nothing new (even without the record of answered findings)", async () => {
    const event = sharedFixture("guardduty-aws-api-call.json");
    const first = await respondToFinding(event, deps());
    assert.equal(first.outcomes[0].status, "done");
    const reports = aws.published.length;
    aws.answered.clear();
    const again = await respondToFinding(event, deps()); // EventBridge delivers at least once: same name, same input
    assert.equal(again.outcomes[0].status, "already", "a replay while the workflow runs is not a second \"done\"");
    assert.match(again.outcomes[0].detail, /RUNNING/);
    assert.equal(aws.published.length, reports, "the replay publishes no new report");
    clock.advance(aws.executionMs);
    aws.answered.clear();
    const later = await respondToFinding(event, deps());
    assert.equal(later.outcomes[0].status, "already");
    assert.equal(aws.executions.size, 1);
  });

  describe("a replay is quiet (issue 18, point 11)", () => {
    it("a notify-only finding redelivered publishes nothing; an update of it is reported", async () => {
      const event = ccEvent();
      const notifyOnly = deps(settingsFromEnv({ KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "kamae-answered" }));
      await respondToFinding(event, notifyOnly);
      assert.equal(aws.published.length, 1);
      const replay = await respondToFinding(event, notifyOnly);
      assert.equal(replay.replay, true);
      assert.deepEqual(replay.outcomes, []);
      assert.equal(aws.published.length, 1, "a redelivery of a notify-only finding is not notified again");
      event.detail.updatedAt = "2026-11-23T05:00:00.000Z";
      await respondToFinding(event, notifyOnly);
      assert.equal(aws.published.length, 2, "GuardDuty updated the finding: that is news");
    });

    it("isolate, block and detect-mode findings redelivered ask nothing again and publish nothing", async () => {
      const event = ccEvent();
      aws.instances.add(event.detail.resource.instanceDetails.instanceId);
      await respondToFinding(event, deps());
      await respondToFinding(event, deps());
      assert.deepEqual([aws.invocations.length, aws.messages.length, aws.commands.length, aws.published.length], [1, 1, 1, 1]);
      const detectEvent = ccEvent();
      detectEvent.detail.id = "detect-finding";
      await respondToFinding(detectEvent, deps(settingsFromEnv(ENV)));
      await respondToFinding(detectEvent, deps(settingsFromEnv(ENV)));
      assert.equal(aws.published.length, 2, "one detect-mode report, not two");
    });

    it("the same finding id in two accounts is two findings", async () => {
      const notifyOnly = deps(settingsFromEnv({ KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "kamae-answered" }));
      const a = ccEvent();
      const b = ccEvent();
      b.detail.accountId = HOME;
      await respondToFinding(a, notifyOnly);
      await respondToFinding(b, notifyOnly);
      assert.equal(aws.published.length, 2);
    });

    it("a response that failed is not remembered: its retry acts and reports again, and is remembered once complete", async () => {
      const event = ccEvent(); // the instance is not managed by SSM: the scan fails
      await assert.rejects(respondToFinding(event, deps()), /scan: InvalidInstanceId/);
      assert.equal(aws.answered.size, 0);
      aws.instances.add(event.detail.resource.instanceDetails.instanceId);
      const retry = await respondToFinding(event, deps());
      assert.equal(retry.outcomes.find((o) => o.action === "scan")!.status, "done");
      assert.equal(aws.published.length, 2);
      assert.equal((await respondToFinding(event, deps())).replay, true);
      assert.equal(aws.published.length, 2);
    });
  });

  it("dismisses a GuardDuty sample finding (a drill) without a call, and acts on it only when drills are opted in (issue 18)", async () => {
    const event = ccEvent();
    event.detail.service.additionalInfo = { value: JSON.stringify({ sample: true }), type: "default" };
    aws.instances.add(event.detail.resource.instanceDetails.instanceId);
    const report = await respondToFinding(event, deps());
    assert.match(report.rejected ?? "", /sample finding/);
    assert.deepEqual([aws.calls.length, aws.published.length, aws.invocations.length, aws.messages.length], [0, 0, 0, 0]);
    const drill = await respondToFinding(event, deps(settingsFromEnv({ ...ENV, KAMAE_ACTION_MODES: ENFORCE, KAMAE_ACT_ON_SAMPLE_FINDINGS: "true" })));
    assert.ok(drill.outcomes.some((o) => o.action === "isolate" && o.status === "done"));
  });

  it("a public bucket finding turns Block Public Access fully on, once", async () => {
    const event = sharedFixture("guardduty-s3-api-call.json");
    const [bucket] = event.detail.resource.s3BucketDetails.map((b: { name: string }) => b.name);
    aws.buckets.set(bucket, { pab: { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true } });
    const first = await respondToFinding(event, deps());
    assert.equal(first.outcomes[0].status, "done");
    assert.deepEqual(aws.buckets.get(bucket)!.pab, { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    aws.answered.clear(); // the bucket's own state, not the record, makes the replay a no-op
    const again = await respondToFinding(event, deps());
    assert.equal(again.outcomes[0].status, "already");
    assert.equal(aws.calls.filter((c) => c === "s3:PutPublicAccessBlock").length, 1);
  });

  it("tells humans of a change even when no route asked to notify, and stays silent when nothing changed", async () => {
    const event = sharedFixture("guardduty-s3-api-call.json");
    const [bucket] = event.detail.resource.s3BucketDetails.map((b: { name: string }) => b.name);
    aws.buckets.set(bucket, {});
    const settings = settingsFromEnv({ KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "kamae-answered", KAMAE_ROUTES: JSON.stringify([{ name: "public-bucket", typePrefixes: ["Policy:S3/"], actions: ["blockPublicAccess"] }]), KAMAE_ACTION_MODES: ENFORCE });
    await respondToFinding(event, deps(settings));
    assert.equal(aws.published.length, 1);
    assert.match(aws.published[0].message, /blockPublicAccess \[enforce\] done/);
    aws.answered.clear();
    await respondToFinding(event, deps(settings));
    assert.equal(aws.published.length, 1, "a replay that changed nothing is not notified again");
  });

  it("Macie sensitive data: BPA on, default KMS encryption, deny-non-TLS merged into the existing policy, then notify", async () => {
    const existing = { Version: "2012-10-17", Statement: [{ Sid: "Partner", Effect: "Allow", Principal: { AWS: "arn:aws:iam::999988887777:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::customer-exports/*" }] };
    aws.buckets.set("customer-exports", { encryption: "AES256", policy: JSON.stringify(existing) });
    const report = await respondToFinding(macieFixture(), deps());
    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["protectBucket", "done"], ["notify", "done"]]);
    const b = aws.buckets.get("customer-exports")!;
    assert.equal(b.encryption, "aws:kms");
    assert.equal(b.pab?.BlockPublicPolicy, true);
    const policy = JSON.parse(b.policy!);
    assert.deepEqual(policy.Statement[0], existing.Statement[0], "the existing statement is kept");
    assert.equal(policy.Statement[1].Sid, DENY_INSECURE_SID);
    assert.deepEqual(policy.Statement[1].Condition, { Bool: { "aws:SecureTransport": "false" } });
    assert.match(aws.published[0].subject!, /^Kamae Macie: SensitiveData:S3Object\/Personal \(8\) in 444455556666/);
    aws.answered.clear();
    const again = await respondToFinding(macieFixture(), deps());
    assert.equal(again.outcomes[0].status, "already");
    assert.equal(aws.calls.filter((c) => c === "s3:PutBucketPolicy").length, 1);
  });

  describe("buckets public on purpose stay up", () => {
    const websitePab = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    const publicFinding = () => sharedFixture("guardduty-s3-api-call.json");
    const bucketOf = (event: any) => event.detail.resource.s3BucketDetails[0].name as string;

    it("a bucket tagged public on purpose (the tag read from the bucket) is reported, not closed", async () => {
      const event = publicFinding();
      aws.buckets.set(bucketOf(event), { pab: { ...websitePab }, tags: { "kamae:intentionally-public": "true" } });
      const report = await respondToFinding(event, deps());
      assert.deepEqual(aws.buckets.get(bucketOf(event))!.pab, websitePab);
      assert.equal(report.outcomes[0].status, "refused");
      assert.match(report.outcomes[0].detail, /public on purpose \(tagged kamae:intentionally-public=true\)/);
      assert.ok(!aws.calls.includes("s3:PutPublicAccessBlock"));
      assert.match(aws.published[0].message, /Refused:\n- blockPublicAccess \[enforce\] refused: .*public on purpose[\s\S]*For a human:\n- blockPublicAccess: not done \(refused\)/);
    });

    it("a tag claimed by the finding but absent from the bucket protects nothing", async () => {
      const event = publicFinding();
      event.detail.resource.s3BucketDetails[0].tags = [{ key: "kamae:intentionally-public", value: "true" }];
      aws.buckets.set(bucketOf(event), { pab: { ...websitePab } });
      await respondToFinding(event, deps());
      assert.equal(aws.buckets.get(bucketOf(event))!.pab!.BlockPublicPolicy, true);
    });

    it("allowlisted buckets are kept for both the public-bucket and the Macie routes", async () => {
      const event = publicFinding();
      aws.buckets.set(bucketOf(event), { pab: { ...websitePab } });
      aws.buckets.set("customer-exports", { pab: { ...websitePab }, encryption: "AES256" });
      const settings = settingsFromEnv({ ...ENV, KAMAE_ACTION_MODES: ENFORCE, KAMAE_PUBLIC_BUCKETS: JSON.stringify([bucketOf(event), "customer-*"]) });
      await respondToFinding(event, deps(settings));
      const macie = await respondToFinding(macieFixture(), deps(settings));
      assert.deepEqual(aws.buckets.get(bucketOf(event))!.pab, websitePab);
      assert.deepEqual(aws.buckets.get("customer-exports"), { pab: websitePab, encryption: "AES256" });
      assert.equal(macie.outcomes[0].status, "refused");
      assert.throws(() => settingsFromEnv({ ...ENV, KAMAE_PUBLIC_BUCKETS: '["Not_A_Bucket"]' }), /KAMAE_PUBLIC_BUCKETS/);
    });
  });

  describe("the bucket breaker", () => {
    const open = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    /** A public-bucket finding about `bucket` (its own id and update, so none is a replay of another). */
    const findingAbout = (bucket: string) => {
      const event = sharedFixture("guardduty-s3-api-call.json");
      event.detail.id = `finding-${bucket}`;
      event.detail.resource.s3BucketDetails[0].name = bucket;
      event.detail.resource.s3BucketDetails[0].arn = `arn:aws:s3:::${bucket}`;
      return event;
    };
    const settings = (max: number) => settingsFromEnv({ ...ENV, KAMAE_ACTION_MODES: ENFORCE, KAMAE_BUCKET_BREAKER_MAX: String(max), KAMAE_BUCKET_BREAKER_WINDOW_SECONDS: "3600" });

    it("changes at most N buckets per window, then reports what it would change; the window slides", async () => {
      for (const b of ["web-a", "web-b", "web-c", "web-d", "web-e"]) aws.buckets.set(b, { pab: { ...open } });
      // An already protected bucket changes nothing and takes no slot.
      aws.buckets.set("closed", { pab: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } });
      const respond = (bucket: string) => respondToFinding(findingAbout(bucket), deps(settings(2)));
      assert.equal((await respond("closed")).outcomes[0].status, "already");
      assert.equal((await respond("web-a")).outcomes[0].status, "done");
      clock.advance(1000);
      assert.equal((await respond("web-b")).outcomes[0].status, "done");
      const held = await respond("web-c");
      assert.equal(held.outcomes[0].status, "refused");
      assert.match(held.outcomes[0].detail, /web-c: bucket breaker open \(2 buckets changed in the last 3600 s, at most 2\): not changed; would /);
      assert.deepEqual(aws.buckets.get("web-c")!.pab, open);
      assert.match(aws.published.at(-1)!.message, /For a human:\n- blockPublicAccess: not done \(refused\)/);
      // The first change leaves the window: one slot again, not two.
      clock.advance(3600_000 - 500);
      assert.equal((await respond("web-d")).outcomes[0].status, "done");
      assert.equal((await respond("web-e")).outcomes[0].status, "refused");
      assert.deepEqual(["web-a", "web-b", "web-c", "web-d", "web-e"].filter((b) => aws.buckets.get(b)!.pab!.BlockPublicPolicy), ["web-a", "web-b", "web-d"]);
    });

    it("maxBuckets 0 only reports; a breaker that cannot be read changes nothing and fails the run (retried)", async () => {
      aws.buckets.set("web-a", { pab: { ...open } });
      assert.equal((await respondToFinding(findingAbout("web-a"), deps(settings(0)))).outcomes[0].status, "refused");
      assert.deepEqual(aws.buckets.get("web-a")!.pab, open);
      aws.answered.clear();
      let reads = 0;
      // The second read of the table is the breaker's (the first, the record of answered findings).
      aws.fault = (call) => (call === "dynamodb:GetItem" && ++reads === 2 ? awsError("ProvisionedThroughputExceededException", "slow down") : undefined);
      await assert.rejects(respondToFinding(findingAbout("web-a"), deps(settings(5))), /ProvisionedThroughputExceededException/);
      assert.deepEqual(aws.buckets.get("web-a")!.pab, open);
    });
  });

  it("rejects malformed events and findings of accounts not enrolled, without acting", async () => {
    const bad = await respondToFinding({ source: "aws.guardduty", "detail-type": "GuardDuty Finding", detail: { id: "x" } }, deps());
    assert.ok(bad.rejected);
    const foreign = ccEvent();
    foreign.detail.accountId = "999999999999";
    aws.instances.add(foreign.detail.resource.instanceDetails.instanceId);
    const refused = await respondToFinding(foreign, deps());
    assert.deepEqual(refused.outcomes.map((o) => [o.action, o.status]), [["scan", "refused"], ["isolate", "refused"], ["block", "refused"], ["notify", "done"]]);
    assert.deepEqual([aws.invocations.length, aws.messages.length, aws.commands.length], [0, 0, 0]);
    assert.match(aws.published[0].message, /account 999999999999 is not enrolled/);
  });

  it("refuses at cold start a route whose action lacks its setting", () => {
    const { KAMAE_ISOLATION_FUNCTION_ARN: _i, ...withoutIsolation } = ENV;
    assert.throws(() => settingsFromEnv(withoutIsolation), /route "instance-compromise" uses isolate, which needs isolationFunctionArn/);
    assert.throws(() => settingsFromEnv({ ...ENV, KAMAE_ROUTES: '[{"name":"x","actions":["boom"]}]' }), /KAMAE_ROUTES: routes\[0\]\.actions/);
    assert.throws(() => settingsFromEnv({ ...ENV, KAMAE_ACTION_MODES: '{"isolate":"maybe"}' }), /KAMAE_ACTION_MODES/);
    assert.throws(() => settingsFromEnv({ ...ENV, KAMAE_TOPIC_ARN: "" }), /KAMAE_TOPIC_ARN is required/);
    assert.deepEqual(settingsFromEnv({ KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "t" }).routes.map((r) => r.name), ["notify-guardduty", "notify-macie"]);
  });
});

describe("bucket hardening plan", () => {
  const all = { publicAccessBlock: true, kmsEncryption: true, denyInsecureTransport: true };
  it("is empty for a protected bucket and names each missing protection", () => {
    const protectedPolicy = mergeDenyInsecureTransport("b", undefined)!;
    const pab = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    assert.deepEqual(planBucketHardening({ bucket: "b", publicAccessBlock: pab, encryption: "aws:kms", policy: protectedPolicy }, all), []);
    assert.deepEqual(planBucketHardening({ bucket: "b" }, all).map((c) => c.kind), ["publicAccessBlock", "encryption", "policy"]);
  });
  it("recognises an existing deny-non-TLS statement written another way", () => {
    const policy = JSON.stringify({ Statement: { Effect: "Deny", Principal: { AWS: "*" }, Action: ["s3:*"], Resource: "*", Condition: { Bool: { "aws:SecureTransport": false } } } });
    assert.equal(mergeDenyInsecureTransport("b", policy), undefined);
  });
  it("keeps statement ids unique and refuses policies it cannot merge", () => {
    const taken = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: DENY_INSECURE_SID, Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:GetObject", Resource: "*" }] });
    assert.equal(JSON.parse(mergeDenyInsecureTransport("b", taken)!).Statement[1].Sid, `${DENY_INSECURE_SID}2`);
    assert.throws(() => mergeDenyInsecureTransport("b", "{not json"), /not JSON: left unchanged/);
    const huge = JSON.stringify({ Statement: [{ Sid: "Big", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "x".repeat(20_400) }] });
    assert.throws(() => mergeDenyInsecureTransport("b", huge), /exceed 20 KB/);
  });
});
