import * as pulumi from "@pulumi/pulumi";
import type { Statement } from "../shared/iam/policy";
import { ISOLATION_GROUP_TAG } from "./lambda/model";

export interface IsolationPermissionsContext {
  readonly partition: pulumi.Input<string>;
  /** The account the function acts in: its home account, or a member account (for MemberAccountAccess's role). */
  readonly accountId: pulumi.Input<string>;
  /** InstanceIsolation's opt-in `revokeRoleSessions`: also deny the instance role's older sessions. */
  readonly revokeRoleSessions?: boolean;
  /**
   * The scope tag key when the scope is that tag alone: instance writes then need `<key>=true` on the instance itself
   * (EC2 authorizes them on its tags), so even a bug cannot act on an instance out of scope.
   */
  readonly scopeTagKey?: string;
}

/**
 * What InstanceIsolation does in the account an instance runs in, scoped to that account. The component grants these
 * to its function for its home account and MemberAccountAccess to the member role, so the two cannot disagree. The
 * isolation state and the reports stay in the central account and are not part of this.
 */
export function isolationActStatements(ctx: IsolationPermissionsContext): Statement[] {
  const { partition, accountId } = ctx;
  const ec2Arn = (resource: string) => pulumi.interpolate`arn:${partition}:ec2:*:${accountId}:${resource}`;
  const snapshots = pulumi.interpolate`arn:${partition}:ec2:*::snapshot/*`;
  const inScope = ctx.scopeTagKey ? { StringEqualsIgnoreCase: { [`aws:ResourceTag/${ctx.scopeTagKey}`]: "true" } } : undefined;
  const statements: Statement[] = [
    {
      sid: "DescribeHasNoResourceScope",
      actions: [
        "ec2:DescribeInstances",
        "ec2:DescribeInstanceAttribute",
        "ec2:DescribeAddresses",
        "ec2:DescribeIamInstanceProfileAssociations",
        "ec2:DescribeSecurityGroups",
        "autoscaling:DescribeAutoScalingInstances",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetHealth",
      ],
      resources: ["*"],
    },
    {
      sid: "PreserveAndTagInstance",
      actions: ["ec2:ModifyInstanceAttribute", "ec2:CreateTags", "ec2:ReplaceIamInstanceProfileAssociation", "ec2:AssociateIamInstanceProfile", "ec2:DisassociateIamInstanceProfile", "ec2:CreateSnapshots"],
      resources: [ec2Arn("instance/*")],
      ...(inScope ? { conditions: inScope } : {}),
    },
    { sid: "SnapshotVolumes", actions: ["ec2:CreateSnapshots"], resources: [ec2Arn("volume/*"), snapshots] },
    {
      sid: "TagOnCreate",
      actions: ["ec2:CreateTags"],
      resources: [snapshots, ec2Arn("security-group/*")],
      conditions: { StringEquals: { "ec2:CreateAction": ["CreateSnapshots", "CreateSecurityGroup"] } },
    },
    { sid: "MoveInterfaces", actions: ["ec2:ModifyNetworkInterfaceAttribute"], resources: [ec2Arn("network-interface/*"), ec2Arn("security-group/*"), ec2Arn("instance/*")] },
    { sid: "ElasticIps", actions: ["ec2:DisassociateAddress", "ec2:AssociateAddress"], resources: [ec2Arn("elastic-ip/*"), ec2Arn("network-interface/*"), ec2Arn("instance/*")] },
    { sid: "CreateIsolationGroups", actions: ["ec2:CreateSecurityGroup"], resources: [ec2Arn("vpc/*"), ec2Arn("security-group/*")] },
    {
      sid: "OnlyIsolationGroupRules",
      actions: ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"],
      resources: [ec2Arn("security-group/*")],
      conditions: { StringEquals: { [`aws:ResourceTag/${ISOLATION_GROUP_TAG}`]: ["empty", "transition"] } },
    },
    {
      sid: "LeaveAndRejoinAutoScaling",
      // Detach, or Standby, or scale-in protection with replacement suspended (isolation); and their undoing (release).
      actions: [
        "autoscaling:DetachInstances",
        "autoscaling:AttachInstances",
        "autoscaling:EnterStandby",
        "autoscaling:ExitStandby",
        "autoscaling:SetInstanceProtection",
        "autoscaling:SuspendProcesses",
        "autoscaling:ResumeProcesses",
      ],
      resources: [pulumi.interpolate`arn:${partition}:autoscaling:*:${accountId}:autoScalingGroup:*:autoScalingGroupName/*`],
    },
    {
      sid: "LeaveAndRejoinTargetGroups",
      actions: ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
      resources: [pulumi.interpolate`arn:${partition}:elasticloadbalancing:*:${accountId}:targetgroup/*/*`],
    },
    {
      // Isolation passes the isolation role; a release passes back the instance's own role: only ever to EC2.
      sid: "PassInstanceRolesToEc2",
      actions: ["iam:PassRole"],
      resources: [pulumi.interpolate`arn:${partition}:iam::${accountId}:role/*`],
      conditions: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
  ];
  if (ctx.revokeRoleSessions) {
    statements.push({
      sid: "DenyOldRoleSessions",
      actions: ["iam:GetInstanceProfile", "iam:PutRolePolicy"],
      resources: [pulumi.interpolate`arn:${partition}:iam::${accountId}:instance-profile/*`, pulumi.interpolate`arn:${partition}:iam::${accountId}:role/*`],
    });
  }
  return statements;
}
