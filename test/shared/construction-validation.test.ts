import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ApiActivityAlerts } from "../../components/api-activity-alerts";
import { AutoHealingGroup, type AutoHealingGroupArgs } from "../../components/auto-healing-group";
import { EgressAllowlist } from "../../components/egress-allowlist";
import { GuardDutyResponder } from "../../components/guardduty-responder";
import { InstanceIsolation } from "../../components/instance-isolation";
import { MalwareQuarantine } from "../../components/malware-quarantine";
import { PatchOnFinding } from "../../components/patch-on-finding";
import { TrafficMirrorFeed } from "../../components/traffic-mirror-feed";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { settle, useOfflineMocks } from "../harness/pulumi";

// What AWS would only reject at deploy is refused when the component is constructed (so `pulumi preview` fails),
// and a value that is an Output is never refused: it is known at deploy only.

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0a1b2c3d4e5f60718"];
const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
const RULES = [{ name: "console", eventNames: ["ConsoleLogin"] }];
const NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/sensor/0123456789abcdef";
const group = (args: Partial<AutoHealingGroupArgs>) => new AutoHealingGroup("web", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: [TG], ...args });
const refused = (build: () => unknown, message: RegExp) => assert.throws(build, message);

describe("components validate their arguments at construction", () => {
  beforeEach(() => useOfflineMocks());
  afterEach(() => settle());

  it("AutoHealingGroup: vpcId, subnet ids, a negative grace period", () => {
    refused(() => group({ vpcId: "default" }), /kamae:AutoHealingGroup: vpcId: "default" is not a VPC id/);
    refused(() => group({ subnetIds: ["vpc-0a1b2c3d"] }), /subnetIds: "vpc-0a1b2c3d" is not a subnet id/);
    refused(() => group({ healthCheckGracePeriodSeconds: -30 }), /healthCheckGracePeriodSeconds must be a whole number >= 0, got -30/);
    group({ vpcId: pulumi.output("default"), subnetIds: pulumi.output(["anything"]), healthCheckGracePeriodSeconds: 0 });
  });

  it("AutoHealingGroup: an x86_64 instance type with the default arm64 image is refused, saying what to set", () => {
    refused(() => group({ instanceType: "t3.small" }), /kamae:AutoHealingGroup: instanceType "t3.small" is an x86_64 type but the image is arm64: set architecture: "x86_64".*or pick a Graviton type/);
    refused(() => group({ instanceType: "c7g.large", architecture: "x86_64" }), /is a Graviton \(arm64\) type but the image is x86_64/);
    group({ instanceType: "t3.small", architecture: "x86_64" });
    group({ instanceType: "m7g.large" });
    // A given image is the user's to match; an Output type is known at deploy only.
    group({ instanceType: "t3.small", imageId: "ami-0123456789abcdef0" });
    group({ instanceType: pulumi.output("t3.small") });
  });

  it("ApiActivityAlerts: memorySize (Lambda's 128–10240 MB) and logRetentionDays (CloudWatch's list)", () => {
    refused(() => new ApiActivityAlerts("a", { rules: RULES, memorySize: 64 }), /kamae:ApiActivityAlerts: memorySize must be a whole number from 128 to 10240, got 64/);
    refused(() => new ApiActivityAlerts("b", { rules: RULES, memorySize: 20_000 }), /memorySize/);
    refused(() => new ApiActivityAlerts("c", { rules: RULES, logRetentionDays: -5 }), /logRetentionDays must be one of CloudWatch Logs' retention periods/);
  });

  it("every responder refuses a log retention CloudWatch does not accept", () => {
    refused(() => new InstanceIsolation("i", { logRetentionDays: 2 }), /kamae:InstanceIsolation: logRetentionDays must be one of/);
    refused(() => new PatchOnFinding("p", { logRetentionDays: 2 }), /kamae:PatchOnFinding: logRetentionDays must be one of/);
    refused(() => new GuardDutyResponder("g", { logRetentionDays: 2 }), /kamae:GuardDutyResponder: logRetentionDays must be one of/);
    refused(() => new WafAutoBlock("w", { logRetentionDays: 2 }), /kamae:WafAutoBlock: logRetentionDays must be one of/);
    refused(() => new EgressAllowlist("e", { vpcIds: { main: VPC }, logRetentionDays: 2 }), /kamae:EgressAllowlist: logRetentionDays must be one of/);
    refused(() => new MalwareQuarantine("m", { guardDutyBucketNames: { uploads: "uploads" }, logRetentionDays: 2 }), /kamae:MalwareQuarantine: logRetentionDays must be one of/);
  });

  it("notifications: email addresses and the existing topic's ARNs", () => {
    refused(() => new PatchOnFinding("p", { notifications: { emails: ["soc-team"] } }), /kamae:PatchOnFinding: notifications.emails: "soc-team" is not an email address/);
    refused(() => new TrafficMirrorFeed("t", { networkLoadBalancerArn: NLB, notifications: { emails: ["a@b.com, c@d.com"] } }), /notifications.emails/);
    refused(() => new InstanceIsolation("i", { notifications: { existingTopicArn: "alerts" } }), /notifications.existingTopicArn: "alerts" is not an SNS topic ARN/);
    refused(
      () => new WafAutoBlock("w", { notifications: { existingTopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", existingTopicKmsKeyArn: "alias/sns" } }),
      /notifications.existingTopicKmsKeyArn: "alias\/sns" is not a KMS key ARN/,
    );
    refused(() => new GuardDutyResponder("g", { notifications: { existingTopicKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" } }), /existingTopicKmsKeyArn is the key of an existingTopicArn/);
    new PatchOnFinding("p", { notifications: { emails: ["soc@example.com"] } });
    new InstanceIsolation("i", { notifications: { existingTopicArn: pulumi.output("alerts"), existingTopicKmsKeyArn: pulumi.output("alias/sns") } });
  });

  it("WafAutoBlock: guardDuty.minSeverity within GuardDuty's scale, schedules, bucket names", () => {
    refused(() => new WafAutoBlock("w", { guardDuty: { minSeverity: 42 } }), /kamae:WafAutoBlock: guardDuty.minSeverity must be a number from 1 to 10, got 42/);
    refused(() => new WafAutoBlock("w", { sweepSchedule: "rate(1 minutes)" }), /sweepSchedule: "rate\(1 minutes\)" must say "1 minute"/);
    refused(() => new WafAutoBlock("w", { accessLogs: { bucketNames: ["Logs_Bucket"] } }), /accessLogs.bucketNames: "Logs_Bucket" is not an S3 bucket name/);
    new WafAutoBlock("w", { guardDuty: { minSeverity: 8.5 } });
  });

  it("InstanceIsolation: guardDuty.minimumSeverity and isolation VPC ids", () => {
    refused(() => new InstanceIsolation("i", { guardDuty: { minimumSeverity: 42 } }), /guardDuty.minimumSeverity must be a number from 1 to 10, got 42/);
    refused(() => new InstanceIsolation("i", { isolationVpcIds: { vpc: "vpc-12" } }), /isolationVpcIds: "vpc-12" is not a VPC id/);
  });

  it("CIDRs with host bits are refused wherever CIDRs are taken, naming the network", () => {
    const network = /host bits set: "10.1.2.3\/16" \(the network is 10.1.0.0\/16\)/;
    refused(() => new WafAutoBlock("w", { allowlist: ["10.1.2.3/16"] }), network);
    refused(() => new WafAutoBlock("w", { honeypot: { trustedProxies: ["10.1.2.3/16"] } }), network);
    refused(() => new WafAutoBlock("w", { accessLogs: { bucketNames: ["logs"], trustedProxies: ["10.1.2.3/16"] } }), /accessLogs.trustedProxies: CIDR has host bits set: "10.1.2.3\/16" \(the network is 10.1.0.0\/16\)/);
    refused(() => new TrafficMirrorFeed("t", { networkLoadBalancerArn: NLB, excludeCidrs: ["10.1.2.3/16"] }), network);
    refused(() => new TrafficMirrorFeed("t", { networkLoadBalancerArn: NLB, filterRules: [{ direction: "ingress", ruleNumber: 100, action: "accept", sourceCidrBlock: "10.1.2.3/16" }] }), network);
  });

  it("EgressAllowlist: the network firewall's VPC and subnets", () => {
    refused(() => new EgressAllowlist("e", { vpcIds: { main: VPC }, networkFirewall: { vpcId: "vpc", subnetIds: SUBNETS } }), /networkFirewall.vpcId: "vpc" is not a VPC id/);
    refused(() => new EgressAllowlist("e", { vpcIds: { main: VPC }, networkFirewall: { vpcId: VPC, subnetIds: ["subnet-1"] } }), /networkFirewall.subnetIds: "subnet-1" is not a subnet id/);
    refused(() => new EgressAllowlist("e", { vpcIds: { main: "vpc" } }), /vpcIds: "vpc" is not a VPC id/);
    new EgressAllowlist("e", { vpcIds: { main: pulumi.output("vpc") } });
  });
});
