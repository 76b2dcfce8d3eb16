import * as pulumi from "@pulumi/pulumi";
import { apiActivityActStatements } from "../api-activity-alerts/permissions";
import { guardDutyCredentialActStatements, guardDutyResponderActStatements } from "../guardduty-responder/permissions";
import type { ResponseAction } from "../guardduty-responder/lambda/routing";
import { isolationActStatements } from "../instance-isolation/permissions";
import { quarantineActStatements } from "../malware-quarantine/permissions";
import { patchActStatements } from "../patch-on-finding/permissions";
import type { Statement } from "../shared/iam/policy";
import { type ListValue, Validator } from "../shared/validation";

const check: Validator = new Validator("MemberAccountAccess");

/**
 * The responders that can act in a member account from the central deployment. TrafficMirrorFeed and WafAutoBlock
 * are not among them: a mirror filter cannot be shared across accounts, and WafAutoBlock writes the IP sets of its own
 * account; both are deployed where they act (see their READMEs).
 */
export const CentralResponder = {
  InstanceIsolation: "instance-isolation",
  MalwareQuarantine: "malware-quarantine",
  GuardDutyResponder: "guardduty-responder",
  PatchOnFinding: "patch-on-finding",
  ApiActivityAlerts: "api-activity-alerts",
} as const;
// A named `as const` object with a same-named union type: callers pass the plain strings, and Pulumi's schema
// inference turns it into a named enum for the other languages.
export type CentralResponder = (typeof CentralResponder)[keyof typeof CentralResponder];
export const CENTRAL_RESPONDERS: readonly CentralResponder[] = Object.values(CentralResponder);

export interface MemberContext {
  readonly partition: pulumi.Input<string>;
  readonly accountId: pulumi.Input<string>;
  readonly quarantineSourceBucketNames: ListValue;
  readonly quarantineSourceKeyArns: ListValue;
  /** The central quarantine bucket (and key) that MalwareQuarantine writes copies to with the member role. */
  readonly quarantineBucketName?: pulumi.Input<string>;
  readonly quarantineKmsKeyArn?: pulumi.Input<string>;
  readonly cleanBucketName?: pulumi.Input<string>;
  readonly cleanBucketKmsKeyArn?: pulumi.Input<string>;
  /** The central InstanceIsolation's `revokeRoleSessions`. */
  readonly revokeRoleSessions?: boolean;
  /** The central InstanceIsolation's scope tag key and Auto Scaling groups (instance writes need the instance in scope). */
  readonly isolationScopeTagKey?: string;
  readonly isolationScopeAutoScalingGroupNames?: readonly pulumi.Input<string>[];
  /** The isolation profile's role created here, and the central InstanceIsolation's `instanceRoleNames`. */
  readonly isolationRoleName?: pulumi.Input<string>;
  readonly isolationInstanceRoleNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** The actions of the central GuardDutyResponder's routes, and its scan document. */
  readonly guardDutyActions?: readonly ResponseAction[];
  readonly guardDutyScanDocumentName?: pulumi.Input<string>;
  readonly guardDutyProtectedPrincipals?: ListValue;
  /** The central PatchOnFinding tags instances for a maintenance window (with this tag key) instead of patching at once. */
  readonly patchMaintenanceWindow?: boolean;
  readonly patchPendingTagKey?: string;
  /** The central PatchOnFinding's `scopeTagKey` and `scopeAutoScalingGroups` (instance writes need one of them). */
  readonly patchScopeTagKey?: string;
  readonly patchScopeAutoScalingGroups?: readonly pulumi.Input<string>[];
  /** This account's CloudTrail buckets (and their keys) that the central ApiActivityAlerts reads. */
  readonly cloudTrailBucketNames?: readonly pulumi.Input<string>[];
  readonly cloudTrailKmsKeyArns?: ListValue;
}

const groupsOrNone = (groups: readonly pulumi.Input<string>[] | undefined) => (groups !== undefined && groups.length > 0 ? [...groups] : undefined);

/**
 * What each responder does in the account an event names, scoped to that account: the member role carries exactly
 * these statements for the responders it enables. The responders own their statements (their permissions.ts, also
 * used for their home account); state (tables, queues, topics) stays in the central account.
 */
export function memberStatements(responder: CentralResponder, ctx: MemberContext): Statement[] {
  switch (responder) {
    case "instance-isolation":
      if (ctx.isolationRoleName === undefined) check.fail("instance-isolation needs isolationRoleName");
      return isolationActStatements({
        partition: ctx.partition,
        accountId: ctx.accountId,
        revokeRoleSessions: ctx.revokeRoleSessions,
        scopeTagKey: ctx.isolationScopeTagKey,
        scopeAutoScalingGroups: groupsOrNone(ctx.isolationScopeAutoScalingGroupNames),
        isolationRoleName: ctx.isolationRoleName,
        // As at home: roles are tagged into the scope only when the scope is the tag alone.
        instanceRoleTagKey: groupsOrNone(ctx.isolationScopeAutoScalingGroupNames) === undefined ? ctx.isolationScopeTagKey : undefined,
        instanceRoleNames: ctx.isolationInstanceRoleNames,
      });
    case "malware-quarantine":
      if (ctx.quarantineBucketName === undefined) check.fail("malware-quarantine needs quarantineBucketName");
      return quarantineActStatements({
        partition: ctx.partition,
        accountId: ctx.accountId,
        sourceBucketNames: ctx.quarantineSourceBucketNames,
        sourceKmsKeyArns: ctx.quarantineSourceKeyArns,
        quarantineBucketName: ctx.quarantineBucketName,
        quarantineKmsKeyArn: ctx.quarantineKmsKeyArn,
        cleanBucketName: ctx.cleanBucketName,
        cleanBucketKmsKeyArn: ctx.cleanBucketKmsKeyArn,
      });
    case "guardduty-responder": {
      const gd = { partition: ctx.partition, accountId: ctx.accountId, actions: ctx.guardDutyActions ?? [], scanDocumentName: ctx.guardDutyScanDocumentName, protectedPrincipals: ctx.guardDutyProtectedPrincipals };
      // One member role serves both of its functions: the router and the credential workflow's steps.
      return [...guardDutyResponderActStatements(gd), ...guardDutyCredentialActStatements(gd)];
    }
    case "patch-on-finding":
      return patchActStatements({
        partition: ctx.partition,
        accountId: ctx.accountId,
        maintenanceWindow: ctx.patchMaintenanceWindow ?? false,
        pendingTagKey: ctx.patchPendingTagKey,
        scopeTagKey: ctx.patchScopeTagKey,
        scopeAutoScalingGroups: groupsOrNone(ctx.patchScopeAutoScalingGroups),
      });
    case "api-activity-alerts":
      return apiActivityActStatements({ partition: ctx.partition, trailBucketNames: ctx.cloudTrailBucketNames ?? [], trailKmsKeyArns: ctx.cloudTrailKmsKeyArns });
  }
}
