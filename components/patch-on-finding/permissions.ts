import * as pulumi from "@pulumi/pulumi";
import type { Conditions, Statement } from "../shared/iam/policy";
import { AUTO_SCALING_GROUP_TAG } from "../shared/runtime/tags";
import { PATCH_DOCUMENT } from "./lambda/plan";

export interface PatchPermissionsContext {
  readonly partition: pulumi.Input<string>;
  /** The account the instances run in: the function's home account, or a member account. */
  readonly accountId: pulumi.Input<string>;
  /** The Region acted in (default `*`: a member account's findings may come from any Region). */
  readonly region?: pulumi.Input<string>;
  /** The instances are tagged for a maintenance window instead of patched at once. */
  readonly maintenanceWindow: boolean;
  /** The tag that marks an instance for the window (default kamae:patch-pending). */
  readonly pendingTagKey?: string;
  /**
   * The scope tag key, and the scope's Auto Scaling groups: instance writes then need the instance to be in scope by
   * its own tags, `<key>=true` or `aws:autoscaling:groupName` naming one of the groups (EC2 and SSM authorize them on
   * the instance's tags), so even a bug cannot patch or tag an instance out of scope. With neither, every instance.
   */
  readonly scopeTagKey?: string;
  readonly scopeAutoScalingGroups?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * What PatchOnFinding does in the account an Inspector finding names, scoped to that account. The component grants
 * these for its home account and MemberAccountAccess to the member role, so the two cannot disagree.
 */
export function patchActStatements(ctx: PatchPermissionsContext): Statement[] {
  const region = ctx.region ?? "*";
  const instances = pulumi.interpolate`arn:${ctx.partition}:ec2:${region}:${ctx.accountId}:instance/*`;
  // DescribeInstanceInformation, ListCommands and DescribeTags (scope, protection, groups) cannot be scoped to resources.
  const statements: Statement[] = [
    { sid: "ReadManagedInstancesAndCommands", actions: ["ssm:DescribeInstanceInformation", "ssm:ListCommands"], resources: ["*"] },
    { sid: "ReadInstanceTagsNotScopedByAws", actions: ["ec2:DescribeTags"], resources: ["*"] },
  ];
  // One statement per way of being in scope (IAM ANDs a statement's conditions; statements OR), suffixed with it.
  const scopes: Array<[string, Conditions]> = [];
  if (ctx.scopeTagKey) scopes.push(["", { StringEqualsIgnoreCase: { [`aws:ResourceTag/${ctx.scopeTagKey}`]: "true" } }]);
  // EC2 Auto Scaling tags each instance of a group with its name (Amazon EC2 Auto Scaling User Guide, "Tag Auto Scaling
  // groups and instances").
  if (ctx.scopeAutoScalingGroups !== undefined) scopes.push(["OfScopeGroups", { StringEquals: { [`aws:ResourceTag/${AUTO_SCALING_GROUP_TAG}`]: pulumi.output(ctx.scopeAutoScalingGroups) } }]);
  if (scopes.length === 0) scopes.push(["", {}]);
  if (ctx.maintenanceWindow) {
    for (const [suffix, inScope] of scopes) {
      statements.push({
        sid: `TagForMaintenanceWindow${suffix}`,
        actions: ["ec2:CreateTags"],
        resources: [instances],
        conditions: { "ForAllValues:StringEquals": { "aws:TagKeys": [ctx.pendingTagKey ?? "kamae:patch-pending"] }, ...inScope },
      });
    }
  } else {
    // SendCommand is authorized on the document and on each instance, and its tag keys are evaluated on each (Service
    // Authorization Reference, "Actions, resources, and condition keys for AWS Systems Manager": SendCommand takes
    // aws:ResourceTag, on document and instance alike). AWS-RunPatchBaseline carries no tags: a tag condition on the
    // document would refuse every command, so the scope tag bounds only the instances.
    statements.push(
      { sid: "RunPatchBaseline", actions: ["ssm:SendCommand"], resources: [pulumi.interpolate`arn:${ctx.partition}:ssm:${region}::document/${PATCH_DOCUMENT}`] },
      ...scopes.map(([suffix, inScope]): Statement => ({ sid: `OnInstances${suffix}`, actions: ["ssm:SendCommand"], resources: [instances], conditions: inScope })),
    );
  }
  return statements;
}
