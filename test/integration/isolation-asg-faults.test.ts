import { strict as assert } from "node:assert";
import { EC2Client, ModifyInstanceAttributeCommand, TerminateInstancesCommand } from "@aws-sdk/client-ec2";
import { reportTopic, scopedWebGroup, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region } from "./endpoint";
import { FaultProxy } from "./fault-proxy";
import { LambdaFunction } from "./functions";

const SCALING = { code: "ScalingActivityInProgress", message: "You cannot detach the instance while a scaling activity is in progress." };
const THROTTLED = { code: "Throttling", message: "Rate exceeded" };
const DENIED = { code: "AccessDenied", message: "User is not authorized to perform this action", status: 403 };

/**
 * Issue 18, point 1 end to end: leaving the Auto Scaling group gates the network cut. The emulator cannot make
 * DetachInstances fail, so the bundle reaches it through a proxy that answers chosen Auto Scaling operations with
 * AWS's errors (test/integration/fault-proxy.ts). The end state is read from the emulator.
 */
describeAgainstEndpoint("InstanceIsolation's bundle never cuts an instance Auto Scaling can still replace", function () {
  let proxy: FaultProxy;
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;
  let table: string;

  before(async () => {
    proxy = await FaultProxy.start(process.env.AWS_ENDPOINT_URL!);
    table = await stateTable("kamae-it-iso-faults");
    reports = await reportTopic("kamae-it-iso-faults");
  });
  after(() => proxy?.stop());
  afterEach(async () => {
    await fn?.stop();
    proxy.clear();
  });

  const start = async (isolationProfile: string, env: Record<string, string> = {}) => {
    fn = await LambdaFunction.start("isolate-instance", {
      // Every call of the bundle goes through the proxy.
      AWS_ENDPOINT_URL: proxy.url,
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_MODE: "enforce",
      KAMAE_TABLE_NAME: table,
      KAMAE_REPORT_TOPIC_ARN: reports.topicArn,
      KAMAE_ISOLATION_PROFILE_NAME: isolationProfile,
      ...env,
    });
  };
  const request = (instanceId: string, findingId: string) => ({ kind: "kamae.isolate", instanceId, accountId: HOME_ACCOUNT, region, reason: "integration: C&C activity", findingId, source: "guardduty" });
  const published = async () => (await reports.read()).map((r) => r.body as { outcome: string });
  const outcomes = async () => (await published()).map((r) => r.outcome);

  it("DetachInstances refused (a scaling activity in progress): the instance goes to Standby, then its network is cut", async () => {
    const web = await scopedWebGroup("10.31.0.0/16");
    await start(web.isolationProfile);
    proxy.fail("DetachInstances", SCALING);

    const out = await fn.invoke(request(web.instanceId, "it-asg-fault-1"));
    assert.equal(out.error, undefined, fn.logText());
    assert.equal(proxy.failed("DetachInstances"), 1, "ScalingActivityInProgress is not retried by the SDK: the fallback follows");
    const member = (await web.members()).find((m) => m.InstanceId === web.instanceId);
    assert.equal(member?.LifecycleState, "Standby", `out of service before the cut\n${fn.logText()}`);
    assert.equal(await web.cut(web.instanceId), true, "then the network is cut");
    const [report] = await published();
    assert.equal(report.outcome, "isolated");
    assert.match(JSON.stringify(report), /held by standby after: detached: ScalingActivityInProgress/, "the report says how the instance was held");
  });

  it("DetachInstances, Standby and protection all refused: no cut while InService, the invocation fails; once AWS recovers the retry isolates", async () => {
    const web = await scopedWebGroup("10.32.0.0/16");
    await start(web.isolationProfile);
    proxy.fail("DetachInstances", THROTTLED);
    proxy.fail("EnterStandby", DENIED);
    proxy.fail("SetInstanceProtection", DENIED);

    const first = await fn.invoke(request(web.instanceId, "it-asg-fault-2"));
    assert.match(first.error?.message ?? "", /still in service in its Auto Scaling group, network not cut/, fn.logText());
    assert.ok(proxy.failed("DetachInstances") > 1, "throttling is retried by the SDK before the fallbacks");
    assert.deepEqual([proxy.failed("EnterStandby"), proxy.failed("SetInstanceProtection")], [1, 1]);
    const member = (await web.members()).find((m) => m.InstanceId === web.instanceId);
    assert.equal(member?.LifecycleState, "InService");
    assert.equal(await web.cut(web.instanceId), false, "never cut while Auto Scaling can replace it");
    assert.deepEqual(await outcomes(), ["asg-hold-failed"]);

    // Lambda retries the event (then the failure queue): with Auto Scaling answering again, the isolation completes.
    proxy.clear();
    const retry = await fn.invoke(request(web.instanceId, "it-asg-fault-2"));
    assert.equal(retry.error, undefined, fn.logText());
    assert.equal((await web.members()).some((m) => m.InstanceId === web.instanceId), false, "detached on the retry");
    assert.equal(await web.cut(web.instanceId), true);
    assert.deepEqual(await outcomes(), ["isolated"]);
  });

  it("two instances of one group held by protection: releasing one keeps the processes suspended, the last release resumes them", async () => {
    const web = await scopedWebGroup("10.33.0.0/16", 2);
    assert.equal(web.instanceIds.length, 2);
    // The suite's table has counted its earlier isolations against the breaker (3 per hour by default).
    await start(web.isolationProfile, { KAMAE_BREAKER_MAX_ISOLATIONS: "10" });
    proxy.fail("DetachInstances", SCALING);
    proxy.fail("EnterStandby", DENIED);
    const [first, second] = web.instanceIds;
    for (const [i, id] of [first, second].entries()) {
      const out = await fn.invoke(request(id, `it-asg-hold-${i}`));
      assert.equal(out.error, undefined, fn.logText());
      assert.deepEqual(await outcomes(), ["isolated"]);
      assert.equal(await web.cut(id), true, fn.logText());
    }
    assert.deepEqual(await web.suspended(), ["AZRebalance", "ReplaceUnhealthy"]);

    const release = (instanceId: string) => ({ kind: "kamae.release", instanceId, accountId: HOME_ACCOUNT, region, reason: "integration: false positive" });
    assert.equal((await fn.invoke(release(first))).error, undefined, fn.logText());
    assert.deepEqual(await outcomes(), ["released"]);
    assert.deepEqual(await web.suspended(), ["AZRebalance", "ReplaceUnhealthy"], "the second instance is still held: replacement stays suspended");
    assert.equal((await web.members()).find((m) => m.InstanceId === first)?.ProtectedFromScaleIn, false);
    assert.equal((await web.members()).find((m) => m.InstanceId === second)?.ProtectedFromScaleIn, true);
    assert.equal((await fn.invoke(release(second))).error, undefined, fn.logText());
    assert.deepEqual(await web.suspended(), [], "the last release resumes them");
    assert.deepEqual(await outcomes(), ["released"]);
  });

  it("the last holder terminated instead of released: its release lifts the hold, and only that", async () => {
    const web = await scopedWebGroup("10.34.0.0/16");
    await start(web.isolationProfile, { KAMAE_BREAKER_MAX_ISOLATIONS: "10" });
    proxy.fail("DetachInstances", SCALING);
    proxy.fail("EnterStandby", DENIED);
    assert.equal((await fn.invoke(request(web.instanceId, "it-asg-gone"))).error, undefined, fn.logText());
    assert.deepEqual(await outcomes(), ["isolated"]);
    assert.deepEqual(await web.suspended(), ["AZRebalance", "ReplaceUnhealthy"]);

    // The operator takes the evidence, then terminates the instance (lifting the termination protection isolation set).
    const ec2 = new EC2Client({ region });
    await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: web.instanceId, DisableApiTermination: { Value: false } }));
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [web.instanceId] }));
    const release = { kind: "kamae.release", instanceId: web.instanceId, accountId: HOME_ACCOUNT, region, reason: "integration: evidence taken, instance terminated" };
    assert.equal((await fn.invoke(release)).error, undefined, fn.logText());
    const [report] = (await reports.read()).map((r) => r.body as { outcome: string; steps: Array<{ step: string; ok: boolean }> });
    assert.deepEqual([report.outcome, report.steps.map((s) => `${s.step} ${s.ok}`)], ["released", ["lift-group-hold true"]]);
    assert.deepEqual(await web.suspended(), [], "the group replaces and rebalances again");
    // A redelivery is quiet.
    assert.equal((await fn.invoke(release)).error, undefined, fn.logText());
    assert.deepEqual(await outcomes(), []);
  });
});
