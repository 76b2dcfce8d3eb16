import * as pulumi from "@pulumi/pulumi";
import type { Conditions, Statement } from "../shared/iam/policy";
import { AUTO_SCALING_GROUP_TAG, KamaeTags } from "../shared/runtime/tags";
import { ISOLATION_GROUP_TAG } from "./lambda/model";

export interface IsolationPermissionsContext {
  readonly partition: pulumi.Input<string>;
  /** The account the function acts in: its home account, or a member account (for MemberAccountAccess's role). */
  readonly accountId: pulumi.Input<string>;
  /** InstanceIsolation's opt-in `revokeRoleSessions`: also deny the instance role's older sessions. */
  readonly revokeRoleSessions?: boolean;
  /**
   * The scope tag key (none when the scope has no tag). Instance writes need the instance to be in scope by its own
   * tags: `<key>=true`, or `aws:autoscaling:groupName` naming one of `scopeAutoScalingGroups`. EC2 authorizes them on
   * the instance's tags, so even a bug cannot act on an instance out of scope.
   */
  readonly scopeTagKey?: string;
  /** The scope's Auto Scaling groups (InstanceIsolation's `scope.autoScalingGroupNames`). */
  readonly scopeAutoScalingGroups?: pulumi.Input<pulumi.Input<string>[]>;
  /** The role of the isolation instance profile in that account: the one role isolation hands to EC2. */
  readonly isolationRoleName: pulumi.Input<string>;
  /**
   * Roles tagged `<key>=true` (the scope tag key, when the scope is that tag alone) are instance roles whose older
   * sessions isolation may deny (`revokeRoleSessions`). Not roles release may hand back: IAM does not reliably
   * evaluate a role's tags for `iam:PassRole` (IAM User Guide, "Grant a user permissions to pass a role to an AWS
   * service": do not control PassRole with the ResourceTag condition key). None when undefined.
   */
  readonly instanceRoleTagKey?: string;
  /** Further instance roles, by name or `path/name` pattern (InstanceIsolation's `instanceRoleNames`). */
  readonly instanceRoleNames?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Statements granting `actions` on exactly the instance roles isolation may act on: those named, and (`byTag`) those
 * tagged with the role tag. None when neither is set: no instance role can then be acted on.
 */
function instanceRoleStatements(ctx: IsolationPermissionsContext, sid: string, actions: string[], byTag: boolean, conditions: Conditions = {}): Statement[] {
  const role = (name: string) => pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/${name}`;
  const statements: Statement[] = [];
  if (byTag && ctx.instanceRoleTagKey) {
    statements.push({
      sid: `${sid}TaggedRoles`,
      actions,
      resources: [role("*")],
      // The role resource type takes aws:ResourceTag (Service Authorization Reference, "Actions, resources, and
      // condition keys for AWS Identity and Access Management", resource type role). The value "true" in any case.
      conditions: { ...conditions, StringEqualsIgnoreCase: { [`aws:ResourceTag/${ctx.instanceRoleTagKey}`]: "true" } },
    });
  }
  const named = ctx.instanceRoleNames;
  // A list known only at deploy that turns out empty leaves the statement out (policyDocument), as a plain empty one does here.
  if (named !== undefined && !(Array.isArray(named) && named.length === 0)) {
    const resources = pulumi.all([ctx.partition, ctx.accountId, named]).apply(([partition, account, names]) => names.map((n) => `arn:${partition}:iam::${account}:role/${n}`));
    statements.push({ sid: `${sid}NamedRoles`, actions, resources, ...(Object.keys(conditions).length > 0 ? { conditions } : {}) });
  }
  return statements;
}

/**
 * Writes on instances, allowed only on instances in scope by their own tags: one statement per way of being in scope
 * (IAM ANDs the conditions of a statement; the statements OR). The instance resource type takes aws:ResourceTag
 * (Service Authorization Reference, "Actions, resources, and condition keys for Amazon EC2"); EC2 Auto Scaling tags
 * each instance it launches with `aws:autoscaling:groupName` and removes that tag when the instance is detached
 * (Amazon EC2 Auto Scaling User Guide, "Tag Auto Scaling groups and instances"). So an instance isolation detaches
 * stays writable by Kamae's own mark, put on it before it leaves the group and kept until its release is done.
 */
function instanceWriteStatements(ctx: IsolationPermissionsContext, instances: pulumi.Input<string>): Statement[] {
  // With the instance side of the interface and address calls: those resources carry no instance tag, the instance does.
  const actions = [
    "ec2:ModifyInstanceAttribute",
    "ec2:CreateTags",
    "ec2:ReplaceIamInstanceProfileAssociation",
    "ec2:AssociateIamInstanceProfile",
    "ec2:DisassociateIamInstanceProfile",
    "ec2:CreateSnapshots",
    "ec2:ModifyNetworkInterfaceAttribute",
    "ec2:AssociateAddress",
  ];
  const statements: Statement[] = [];
  if (ctx.scopeTagKey) {
    statements.push({ sid: "PreserveAndTagInstance", actions, resources: [instances], conditions: { StringEqualsIgnoreCase: { [`aws:ResourceTag/${ctx.scopeTagKey}`]: "true" } } });
  }
  if (ctx.scopeAutoScalingGroups !== undefined) {
    statements.push(
      { sid: "PreserveAndTagInstanceOfScopeGroups", actions, resources: [instances], conditions: { StringEquals: { [`aws:ResourceTag/${AUTO_SCALING_GROUP_TAG}`]: pulumi.output(ctx.scopeAutoScalingGroups) } } },
      { sid: "PreserveAndTagInstanceUnderIsolation", actions, resources: [instances], conditions: { StringEquals: { [`aws:ResourceTag/${KamaeTags.isolationStatus}`]: "isolated" } } },
    );
  }
  if (statements.length === 0) throw new Error("InstanceIsolation's scope has neither a tag key nor Auto Scaling groups: no instance write could be bounded");
  return statements;
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
  const toEc2 = { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } };
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
    ...instanceWriteStatements(ctx, ec2Arn("instance/*")),
    { sid: "SnapshotVolumes", actions: ["ec2:CreateSnapshots"], resources: [ec2Arn("volume/*"), snapshots] },
    {
      // Tags given at creation are authorized as ec2:CreateTags with ec2:CreateAction (Amazon EC2 User Guide, "Grant
      // permission to tag Amazon EC2 resources during creation").
      sid: "TagOnCreate",
      actions: ["ec2:CreateTags"],
      resources: [snapshots, ec2Arn("security-group/*")],
      conditions: { StringEquals: { "ec2:CreateAction": ["CreateSnapshots", "CreateSecurityGroup"] } },
    },
    { sid: "MoveInterfaces", actions: ["ec2:ModifyNetworkInterfaceAttribute"], resources: [ec2Arn("network-interface/*"), ec2Arn("security-group/*")] },
    { sid: "ElasticIps", actions: ["ec2:DisassociateAddress", "ec2:AssociateAddress"], resources: [ec2Arn("elastic-ip/*"), ec2Arn("network-interface/*")] },
    // Only isolation groups (tagged as such when created); in the VPC of whichever instance is isolated. The
    // security-group resource type takes aws:RequestTag, the vpc one is unconditioned here (Service Authorization
    // Reference, "Actions, resources, and condition keys for Amazon EC2": CreateSecurityGroup needs both).
    {
      sid: "CreateIsolationGroups",
      actions: ["ec2:CreateSecurityGroup"],
      resources: [ec2Arn("security-group/*")],
      conditions: { StringEquals: { [`aws:RequestTag/${ISOLATION_GROUP_TAG}`]: ["empty", "transition"] } },
    },
    { sid: "CreateIsolationGroupsInAnyVpc", actions: ["ec2:CreateSecurityGroup"], resources: [ec2Arn("vpc/*")] },
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
      // Isolation hands EC2 the isolation profile's role, and nothing else.
      sid: "PassIsolationRole",
      actions: ["iam:PassRole"],
      resources: [pulumi.interpolate`arn:${partition}:iam::${accountId}:role/${ctx.isolationRoleName}`],
      conditions: toEc2,
    },
    // A release hands back the instance's own role: only a named instance role, only to EC2. Not by the role's tags:
    // IAM User Guide, "Grant a user permissions to pass a role to an AWS service"
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html): ResourceTag with iam:PassRole
    // "does not have reliable results".
    ...instanceRoleStatements(ctx, "PassBack", ["iam:PassRole"], false, toEc2),
  ];
  if (ctx.revokeRoleSessions) {
    // Which role an instance profile holds (a read; profile names are the user's, any of the account).
    statements.push({ sid: "ReadInstanceProfiles", actions: ["iam:GetInstanceProfile"], resources: [pulumi.interpolate`arn:${partition}:iam::${accountId}:instance-profile/*`] });
    // IAM has no condition on an inline policy's name or content: the bound is which roles, not what is written.
    statements.push(...instanceRoleStatements(ctx, "DenyOldSessionsOf", ["iam:PutRolePolicy"], true));
  }
  return statements;
}
