import * as pulumi from "@pulumi/pulumi";
import type { Conditions, Statement } from "../shared/iam/policy";
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
   * The scope tag key when the scope is that tag alone: the instance writes then need `<key>=true` on the instance
   * (EC2 and SSM authorize them on its tags), so even a bug cannot patch or tag an instance out of scope.
   */
  readonly scopeTagKey?: string;
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
  const inScope: Conditions = ctx.scopeTagKey ? { StringEqualsIgnoreCase: { [`aws:ResourceTag/${ctx.scopeTagKey}`]: "true" } } : {};
  if (ctx.maintenanceWindow) {
    statements.push({
      sid: "TagForMaintenanceWindow",
      actions: ["ec2:CreateTags"],
      resources: [instances],
      conditions: { "ForAllValues:StringEquals": { "aws:TagKeys": [ctx.pendingTagKey ?? "kamae:patch-pending"] }, ...inScope },
    });
  } else {
    // SendCommand is authorized on the document and on each instance, and its tag keys are evaluated on each (Service
    // Authorization Reference, "Actions, resources, and condition keys for AWS Systems Manager": SendCommand takes
    // aws:ResourceTag, on document and instance alike). AWS-RunPatchBaseline carries no tags: a tag condition on the
    // document would refuse every command, so the scope tag bounds only the instances.
    statements.push(
      { sid: "RunPatchBaseline", actions: ["ssm:SendCommand"], resources: [pulumi.interpolate`arn:${ctx.partition}:ssm:${region}::document/${PATCH_DOCUMENT}`] },
      { sid: "OnInstances", actions: ["ssm:SendCommand"], resources: [instances], conditions: inScope },
    );
  }
  return statements;
}
