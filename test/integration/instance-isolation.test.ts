import {
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { strict as assert } from "node:assert";
import { reportTopic, scopedWebGroup, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region } from "./endpoint";
import { LambdaFunction } from "./functions";

describeAgainstEndpoint("InstanceIsolation's bundle isolates an Auto Scaling instance behind a load balancer", function () {
  const ec2 = new EC2Client({ region });
  const elb = new ElasticLoadBalancingV2Client({ region });
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;
  let web: Awaited<ReturnType<typeof scopedWebGroup>>;
  let targetGroupArn: string;
  let launchGroupId: string;
  let instanceId: string;
  let isolationProfile: string;

  const asgInstances = async () => (await web.members()).map((i) => i.InstanceId!);

  before(async () => {
    web = await scopedWebGroup("10.20.0.0/16");
    ({ instanceId, launchGroupId, targetGroupArn, isolationProfile } = web);
    const table = await stateTable("kamae-it-isolations");
    reports = await reportTopic("kamae-it-iso-reports");
    fn = await LambdaFunction.start("isolate-instance", {
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_MODE: "enforce",
      KAMAE_TABLE_NAME: table,
      KAMAE_REPORT_TOPIC_ARN: reports.topicArn,
      KAMAE_ISOLATION_PROFILE_NAME: isolationProfile,
    });
  });
  after(() => fn?.stop());

  const request = () => ({ kind: "kamae.isolate", instanceId, accountId: HOME_ACCOUNT, region, reason: "integration: C&C activity", findingId: "it-finding-1", source: "guardduty" });

  it("takes the instance out of its group (a replacement launches) and its target group, and cuts its network", async () => {
    assert.ok(instanceId, "the group launched an instance");
    assert.ok((await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))).TargetHealthDescriptions?.some((t) => t.Target?.Id === instanceId), "registered before");

    const out = await fn.invoke(request());
    assert.equal(out.error, undefined, fn.logText());

    const members = await asgInstances();
    assert.equal(members.includes(instanceId), false, "the isolated instance left its Auto Scaling group");
    assert.equal(members.length, 1, "the group launched a replacement (desired capacity kept)");
    const targets = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))).TargetHealthDescriptions ?? [];
    assert.equal(targets.some((t) => t.Target?.Id === instanceId), false, "the instance left the target group");

    const enis = (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }))).NetworkInterfaces ?? [];
    assert.ok(enis.length > 0);
    for (const eni of enis) {
      const own = await web.ownGroups(eni.NetworkInterfaceId!, (eni.Groups ?? []).map((g) => g.GroupId!));
      assert.equal(own.includes(launchGroupId), false, `the launch group still applies to ${eni.NetworkInterfaceId}\n${fn.logText()}`);
      assert.ok(own.length > 0, "the interface has an isolation group");
      const described = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: own }))).SecurityGroups ?? [];
      for (const g of described) assert.deepEqual([g.IpPermissions ?? [], g.IpPermissionsEgress ?? []], [[], []], `isolation group ${g.GroupId} must have no rules`);
    }
    const profile = (await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: "instance-id", Values: [instanceId] }] }))).IamInstanceProfileAssociations ?? [];
    assert.ok(profile.some((a) => a.IamInstanceProfile?.Arn?.endsWith(`/${isolationProfile}`)), JSON.stringify(profile));
    const tags = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0].Instances![0].Tags ?? [];
    assert.ok(tags.some((t) => t.Key?.startsWith("kamae:")), "the instance carries Kamae's isolation tags");
  });

  it("a replay of the same request changes nothing and launches nothing more", async () => {
    const before = await asgInstances();
    const out = await fn.invoke(request());
    assert.equal(out.error, undefined, fn.logText());
    assert.deepEqual(await asgInstances(), before);
  });

  it("an instance outside the scope is reported and left alone", async () => {
    const bystander = (await asgInstances())[0];
    const forged = { ...request(), instanceId: bystander, accountId: "999999999999" };
    await fn.invoke(forged);
    assert.deepEqual(await asgInstances(), [bystander], "the bystander stays in service");
    const reported = await reports.read();
    assert.ok(reported.length >= 1);
  });

  it("a released finding replayed stays released: no cut, no further replacement, no report (issue 18, points 2 and 11)", async () => {
    const release = await fn.invoke({ kind: "kamae.release", instanceId, accountId: HOME_ACCOUNT, region, reason: "integration: a false positive" });
    assert.equal(release.error, undefined, fn.logText());
    assert.ok((await reports.read()).length >= 1, "the release is reported");
    const members = await asgInstances();
    const replay = await fn.invoke(request());
    assert.equal(replay.error, undefined, fn.logText());
    assert.equal((replay.result as { responses: Array<{ outcome: string }> }).responses[0].outcome, "released-finding", fn.logText());
    assert.deepEqual(await asgInstances(), members, "nothing left or joined the group: no further replacement");
    const profile = (await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: "instance-id", Values: [instanceId] }] }))).IamInstanceProfileAssociations ?? [];
    assert.ok(!profile.some((a) => a.State === "associated" && a.IamInstanceProfile?.Arn?.endsWith(`/${isolationProfile}`)), "the isolation profile is not put back");
    assert.deepEqual(await reports.read(), [], "the replay publishes nothing");
  });
});
