import { strict as assert } from "node:assert";
import { AgentRollout } from "../../components/agent-rollout";
import { AutoHealingGroup } from "../../components/auto-healing-group";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f0e0d0c0b0a09080"];
const TGS = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-http/0123456789abcdef", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-api/fedcba9876543210"];
const ALB_SG = "sg-0123456789abcdef0";

describe("AutoHealingGroup component (Pulumi mocks)", () => {
  beforeEach(() => useOfflineMocks());

  it("builds a launch template with IMDSv2 required, encrypted EBS and no public IP", async () => {
    new AutoHealingGroup("web", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: TGS, loadBalancerSecurityGroupIds: [ALB_SG] });
    await settle();
    const [lt] = resourcesOfType("aws:ec2/launchTemplate:LaunchTemplate");
    assert.equal(lt.inputs.metadataOptions.httpTokens, "required");
    assert.equal(lt.inputs.metadataOptions.httpPutResponseHopLimit, 1);
    assert.equal(lt.inputs.networkInterfaces[0].associatePublicIpAddress, "false");
    assert.ok(lt.inputs.blockDeviceMappings.every((m: any) => m.ebs.encrypted === "true"));
    // The offline mocks answer the public Amazon Linux parameter with an AMI id of the real shape.
    assert.match(lt.inputs.imageId, /^ami-[0-9a-f]{17}$/, "the latest Amazon Linux from the public SSM parameter");
    const [profile] = resourcesOfType("aws:iam/instanceProfile:InstanceProfile");
    assert.equal(lt.inputs.iamInstanceProfile.name, profile.state.name, "the default ManagedInstanceRole's profile");
    assert.deepEqual(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn), ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]);
    const instanceTags = lt.inputs.tagSpecifications.find((t: any) => t.resourceType === "instance").tags;
    assert.equal(instanceTags[KamaeTags.isolationScope], "true");
    assert.equal(instanceTags[KamaeTags.agentRollout], "true");
    // The role too: InstanceIsolation's release may hand back only roles carrying the scope tag (or named).
    assert.equal(resourcesOfType("aws:iam/role:Role")[0].inputs.tags[KamaeTags.isolationScope], "true");
  });

  it("attaches the existing target groups with ELB health checks, in the existing subnets", async () => {
    const group = new AutoHealingGroup("web", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: TGS, minSize: 2, desiredCapacity: 3, maxSize: 6 });
    await settle();
    const [asg] = resourcesOfType("aws:autoscaling/group:Group");
    assert.deepEqual(asg.inputs.targetGroupArns, TGS);
    assert.deepEqual(asg.inputs.vpcZoneIdentifiers, SUBNETS);
    assert.equal(asg.inputs.healthCheckType, "ELB");
    assert.deepEqual([asg.inputs.minSize, asg.inputs.desiredCapacity, asg.inputs.maxSize], [2, 3, 6]);
    assert.ok(await valueOf(group.autoScalingGroupName));
  });

  it("opens the instances to the load balancers' groups only, never to an address range", async () => {
    new AutoHealingGroup("web", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: TGS, loadBalancerSecurityGroupIds: [ALB_SG], port: 8080 });
    await settle();
    const [sg] = resourcesOfType("aws:ec2/securityGroup:SecurityGroup");
    assert.equal(sg.inputs.vpcId, VPC);
    assert.deepEqual(sg.inputs.ingress.map((r: any) => [r.fromPort, r.toPort, r.securityGroups, r.cidrBlocks]), [[8080, 8080, [ALB_SG], undefined]]);
    assert.deepEqual(sg.inputs.egress.map((r: any) => [r.protocol, r.fromPort]), [["tcp", 443]]);
  });

  it("uses an existing instance profile and security groups, and can leave the Kamae tags off", async () => {
    new AutoHealingGroup("web", {
      vpcId: VPC,
      subnetIds: SUBNETS,
      targetGroupArns: TGS,
      instanceProfileName: "existing-profile",
      securityGroupIds: ["sg-0fedcba987654321f"],
      isolationScope: false,
      agentRollout: false,
    });
    await settle();
    assert.equal(resourcesOfType("aws:iam/role:Role").length, 0);
    assert.equal(resourcesOfType("aws:ec2/securityGroup:SecurityGroup").length, 0);
    const [lt] = resourcesOfType("aws:ec2/launchTemplate:LaunchTemplate");
    assert.equal(lt.inputs.iamInstanceProfile.name, "existing-profile");
    assert.deepEqual(lt.inputs.networkInterfaces[0].securityGroups, ["sg-0fedcba987654321f"]);
    const instanceTags = lt.inputs.tagSpecifications.find((t: any) => t.resourceType === "instance").tags;
    assert.equal(instanceTags[KamaeTags.isolationScope], undefined);
  });

  it("refuses sizes, subnets and target groups that cannot heal", () => {
    const base = { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: TGS };
    assert.throws(() => new AutoHealingGroup("bad", { ...base, minSize: 3, maxSize: 2 }), /minSize <= desiredCapacity <= maxSize/);
    assert.throws(() => new AutoHealingGroup("bad", { ...base, minSize: 0, desiredCapacity: 0 }), /at least 1/);
    assert.throws(() => new AutoHealingGroup("bad", { ...base, subnetIds: [] }), /subnetIds/);
    assert.throws(() => new AutoHealingGroup("bad", { ...base, targetGroupArns: [] }), /targetGroupArns/);
    assert.throws(() => new AutoHealingGroup("bad", { ...base, port: 70000 }), /port/);
    assert.throws(() => new AutoHealingGroup("bad", { ...base, architecture: "amd64" as any }), /kamae:AutoHealingGroup: architecture must be one of "arm64", "x86_64", got "amd64"/);
  });

  it("always outputs the instances' role, so it composes with AgentRollout without helpers (created or existing profile)", async () => {
    const created = new AutoHealingGroup("web", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: TGS });
    const existing = new AutoHealingGroup("api", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: TGS, instanceProfileName: "api-profile" });
    // Typechecks because instanceRoleArn is Output<string>, which decryptingRoleArns accepts.
    new AgentRollout("agent", { decryptingRoleArns: [created.instanceRoleArn, existing.instanceRoleArn] });
    await settle();
    assert.match(await valueOf(created.instanceRoleArn), /^arn:aws:iam::\d{12}:role\//);
    assert.equal(await valueOf(existing.instanceRoleArn), "arn:aws:iam::123456789012:role/api-profile");
  });
});
