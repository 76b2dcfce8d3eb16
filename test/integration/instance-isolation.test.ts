import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import {
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { CreateTargetGroupCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { strict as assert } from "node:assert";
import { reportTopic, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

describeAgainstEndpoint("InstanceIsolation's bundle isolates an Auto Scaling instance behind a load balancer", function () {
  const ec2 = new EC2Client({ region });
  const asg = new AutoScalingClient({ region });
  const elb = new ElasticLoadBalancingV2Client({ region });
  const iam = new IAMClient({ region });
  const groupName = uniqueName("kamae-it-web");
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;
  let targetGroupArn: string;
  let launchGroupId: string;
  let instanceId: string;
  const isolationProfile = uniqueName("kamae-it-isolated");

  const asgInstances = async () =>
    ((await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [groupName] }))).AutoScalingGroups?.[0]?.Instances ?? []).map((i) => i.InstanceId!);

  before(async () => {
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }))).Vpc!.VpcId!;
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.20.1.0/24", AvailabilityZone: `${region}a` }))).Subnet!.SubnetId!;
    launchGroupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: uniqueName("kamae-it-web"), Description: "web" }))).GroupId!;
    const template = uniqueName("kamae-it-web");
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: template, LaunchTemplateData: { ImageId: "ami-12c6146b", InstanceType: "t3.micro", SecurityGroupIds: [launchGroupId] } }));
    targetGroupArn = (await elb.send(new CreateTargetGroupCommand({ Name: uniqueName("it-web").slice(0, 32), Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "instance" }))).TargetGroups![0].TargetGroupArn!;
    await asg.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: groupName,
        LaunchTemplate: { LaunchTemplateName: template, Version: "$Latest" },
        MinSize: 1,
        MaxSize: 2,
        DesiredCapacity: 1,
        VPCZoneIdentifier: subnetId,
        TargetGroupARNs: [targetGroupArn],
        Tags: [{ Key: "kamae:isolation-scope", Value: "true", PropagateAtLaunch: true, ResourceId: groupName, ResourceType: "auto-scaling-group" }],
      }),
    );
    [instanceId] = await asgInstances();
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    await iam.send(new CreateRoleCommand({ RoleName: isolationProfile, AssumeRolePolicyDocument: trust }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: isolationProfile }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: isolationProfile, RoleName: isolationProfile }));
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

    // moto gap: an interface's groups are reported (by DescribeInstances and DescribeNetworkInterfaces alike) together
    // with the instance's launch groups. Its own groups are what the `group-id` filter matches, so they are read so.
    const enis = (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }))).NetworkInterfaces ?? [];
    assert.ok(enis.length > 0);
    const ownGroups = async (eniId: string, candidates: string[]) => {
      const own: string[] = [];
      for (const groupId of candidates) {
        const match = await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId], Filters: [{ Name: "group-id", Values: [groupId] }] }));
        if ((match.NetworkInterfaces ?? []).length > 0) own.push(groupId);
      }
      return own;
    };
    for (const eni of enis) {
      const own = await ownGroups(eni.NetworkInterfaceId!, (eni.Groups ?? []).map((g) => g.GroupId!));
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
