import * as pulumi from "@pulumi/pulumi";
import type { Statement } from "../shared/iam/policy";

/** The responders that can act in a member account from the central deployment. */
export const CENTRAL_RESPONDERS = [
  "instance-isolation",
  "waf-auto-block",
  "malware-quarantine",
  "guardduty-responder",
  "patch-on-finding",
  "traffic-mirror-feed",
  "api-activity-alerts",
] as const;
export type CentralResponder = (typeof CENTRAL_RESPONDERS)[number];

export interface MemberContext {
  readonly partition: pulumi.Input<string>;
  readonly accountId: pulumi.Input<string>;
  readonly quarantineSourceBucketNames: readonly string[];
  readonly quarantineSourceKeyArns: readonly pulumi.Input<string>[];
}

/**
 * What each responder does in the account an event names, scoped to that account: the member role carries exactly
 * these statements for the responders it enables. State (tables, queues, topics) stays in the central account.
 */
export function memberStatements(responder: CentralResponder, ctx: MemberContext): Statement[] {
  const arn = (service: string, resource: string, region = "*") => pulumi.interpolate`arn:${ctx.partition}:${service}:${region}:${ctx.accountId}:${resource}`;
  switch (responder) {
    case "instance-isolation":
      return [
        {
          sid: "DescribeHasNoResourceScope",
          actions: [
            "autoscaling:DescribeAutoScalingInstances",
            "ec2:DescribeAddresses",
            "ec2:DescribeIamInstanceProfileAssociations",
            "ec2:DescribeInstanceAttribute",
            "ec2:DescribeInstances",
            "ec2:DescribeSecurityGroups",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth",
          ],
          resources: ["*"],
        },
        {
          sid: "PreserveAndTagInstance",
          actions: ["ec2:AssociateIamInstanceProfile", "ec2:CreateTags", "ec2:DisassociateIamInstanceProfile", "ec2:ModifyInstanceAttribute", "ec2:ReplaceIamInstanceProfileAssociation"],
          resources: [arn("ec2", "instance/*")],
        },
        { sid: "SnapshotVolumes", actions: ["ec2:CreateSnapshots"], resources: [arn("ec2", "instance/*"), arn("ec2", "volume/*"), pulumi.interpolate`arn:${ctx.partition}:ec2:*::snapshot/*`] },
        {
          sid: "TagOnCreate",
          actions: ["ec2:CreateTags"],
          resources: [pulumi.interpolate`arn:${ctx.partition}:ec2:*::snapshot/*`, arn("ec2", "security-group/*")],
          conditions: { StringEquals: { "ec2:CreateAction": ["CreateSnapshots", "CreateSecurityGroup"] } },
        },
        { sid: "MoveInterfaces", actions: ["ec2:ModifyNetworkInterfaceAttribute"], resources: [arn("ec2", "network-interface/*"), arn("ec2", "security-group/*"), arn("ec2", "instance/*")] },
        { sid: "ElasticIps", actions: ["ec2:AssociateAddress", "ec2:DisassociateAddress"], resources: [arn("ec2", "elastic-ip/*"), arn("ec2", "network-interface/*"), arn("ec2", "instance/*")] },
        { sid: "CreateIsolationGroups", actions: ["ec2:CreateSecurityGroup"], resources: [arn("ec2", "vpc/*"), arn("ec2", "security-group/*")] },
        {
          sid: "OnlyIsolationGroupRules",
          actions: ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress"],
          resources: [arn("ec2", "security-group/*")],
          conditions: { StringEquals: { "aws:ResourceTag/kamae:isolation-group": ["empty", "transition"] } },
        },
        { sid: "LeaveAndRejoinAutoScaling", actions: ["autoscaling:AttachInstances", "autoscaling:DetachInstances"], resources: [arn("autoscaling", "autoScalingGroup:*:autoScalingGroupName/*")] },
        { sid: "LeaveAndRejoinTargetGroups", actions: ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"], resources: [arn("elasticloadbalancing", "targetgroup/*/*")] },
        {
          sid: "PassInstanceRolesToEc2",
          actions: ["iam:PassRole"],
          resources: [pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/*`],
          conditions: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
        },
      ];
    case "waf-auto-block":
      return [{ sid: "WriteBlockLists", actions: ["wafv2:GetIPSet", "wafv2:UpdateIPSet"], resources: [arn("wafv2", "regional/ipset/*/*"), arn("wafv2", "global/ipset/*/*", "us-east-1")] }];
    case "malware-quarantine": {
      const objects = ctx.quarantineSourceBucketNames.map((b) => pulumi.interpolate`arn:${ctx.partition}:s3:::${b}/*`);
      const buckets = ctx.quarantineSourceBucketNames.map((b) => pulumi.interpolate`arn:${ctx.partition}:s3:::${b}`);
      const statements: Statement[] = [
        {
          sid: "ReadScannedVersions",
          actions: ["s3:GetObject", "s3:GetObjectAttributes", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetObjectVersionAttributes", "s3:GetObjectVersionTagging"],
          resources: objects,
        },
        { sid: "RemoveScannedVersions", actions: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"], resources: objects },
        { sid: "FindVersions", actions: ["s3:ListBucket", "s3:ListBucketVersions"], resources: buckets },
      ];
      if (ctx.quarantineSourceKeyArns.length > 0) statements.push({ sid: "DecryptSources", actions: ["kms:Decrypt"], resources: [...ctx.quarantineSourceKeyArns] });
      return statements;
    }
    case "guardduty-responder":
      return [
        { sid: "ScanInstances", actions: ["ssm:SendCommand"], resources: [arn("ec2", "instance/*"), pulumi.interpolate`arn:${ctx.partition}:ssm:*::document/*`, arn("ssm", "document/*")] },
        { sid: "CommandStatus", actions: ["ssm:ListCommands"], resources: ["*"] },
        {
          sid: "RestrictPrincipals",
          actions: ["iam:GetRolePolicy", "iam:GetUserPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy"],
          resources: [pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/*`, pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:user/*`],
        },
        { sid: "PrincipalActivity", actions: ["cloudtrail:LookupEvents"], resources: ["*"] },
        {
          sid: "HardenBuckets",
          actions: ["s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock", "s3:GetEncryptionConfiguration", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutEncryptionConfiguration"],
          resources: [pulumi.interpolate`arn:${ctx.partition}:s3:::*`],
        },
      ];
    case "patch-on-finding":
      return [
        { sid: "PatchInstances", actions: ["ssm:SendCommand"], resources: [arn("ec2", "instance/*"), pulumi.interpolate`arn:${ctx.partition}:ssm:*::document/AWS-RunPatchBaseline`] },
        { sid: "CommandStatus", actions: ["ssm:DescribeInstanceInformation", "ssm:ListCommands"], resources: ["*"] },
        { sid: "MarkPatched", actions: ["ec2:CreateTags", "ec2:DescribeTags"], resources: [arn("ec2", "instance/*")] },
      ];
    case "traffic-mirror-feed":
      return [
        { sid: "DescribeHasNoResourceScope", actions: ["ec2:DescribeInstances", "ec2:DescribeTrafficMirrorSessions"], resources: ["*"] },
        {
          sid: "MirrorSessions",
          actions: ["ec2:CreateTrafficMirrorSession", "ec2:DeleteTrafficMirrorSession"],
          resources: [arn("ec2", "traffic-mirror-session/*"), arn("ec2", "traffic-mirror-target/*"), arn("ec2", "traffic-mirror-filter/*"), arn("ec2", "network-interface/*")],
        },
        { sid: "TagSessions", actions: ["ec2:CreateTags"], resources: [arn("ec2", "traffic-mirror-session/*")], conditions: { StringEquals: { "ec2:CreateAction": "CreateTrafficMirrorSession" } } },
      ];
    case "api-activity-alerts":
      return [{ sid: "ReadTrailLogs", actions: ["s3:GetObject"], resources: [pulumi.interpolate`arn:${ctx.partition}:s3:::*/AWSLogs/${ctx.accountId}/CloudTrail/*`] }];
  }
}
