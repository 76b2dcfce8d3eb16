import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// A web tier in your existing VPC behind your existing ALB target group: IMDSv2, encrypted volumes, no public IPs,
// SSM-managed. When InstanceIsolation takes an instance out, the group launches a healthy one in its place; AgentRollout
// installs the host agent on every instance the group launches.
const config = new pulumi.Config();

const web = new kamae.AutoHealingGroup("web", {
  vpcId: config.require("vpcId"),
  subnetIds: config.requireObject<string[]>("privateSubnetIds"),
  targetGroupArns: [config.require("targetGroupArn")],
  loadBalancerSecurityGroupIds: [config.require("loadBalancerSecurityGroupId")],
  instanceType: "t4g.small",
  minSize: 2,
  desiredCapacity: 2,
  maxSize: 4,
  userData: "#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n",
});

new kamae.InstanceIsolation("web-isolation", {
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  // The default scope, the tag kamae:isolation-scope=true: AutoHealingGroup puts it on its instances and on their
  // role, so IAM keeps the function to them and a release may hand the role back.
});

// Uses the Parameter Store parameters dsActivationUrl, dsManagerUrl, dsTenantId and dsToken that already exist.
new kamae.AgentRollout("agent", {});

export const autoScalingGroupName = web.autoScalingGroupName;
export const instanceRoleArn = web.instanceRoleArn;
