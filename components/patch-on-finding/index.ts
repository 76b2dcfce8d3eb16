import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { INSPECTOR_SEVERITIES } from "../shared/events/inspector";
import { EnforcementMode } from "../shared/runtime/mode";
import { autoScalingGroupNamesSetting, Validator } from "../shared/validation";
import type { Statement } from "../shared/iam/policy";
import { createEncryptionKey } from "../shared/kms";
import { ResponderFunction } from "../shared/infra/responder-function";
import { stateTable } from "../shared/infra/state-table";
import { checkedMemberAccounts, MemberAccountsArgs, validateMemberAccounts } from "../shared/member-accounts";
import { type NotificationArgs, reportTopic, validateNotifications } from "../shared/notifications";
import { PATCH_DOCUMENT } from "./lambda/plan";
import { PatchDefaults, PatchEnv } from "./lambda/settings";
import { patchActStatements } from "./permissions";

// Named `as const` objects with a same-named union type: callers pass the plain strings, and Pulumi's schema inference
// turns each into a named enum for the other languages.

/** Lowest Amazon Inspector severity a finding needs to be patched. */
export const PatchSeverity = {
  Low: "LOW",
  Medium: "MEDIUM",
  High: "HIGH",
  Critical: "CRITICAL",
} as const;
export type PatchSeverity = (typeof PatchSeverity)[keyof typeof PatchSeverity];

/** Whether a patch run may reboot the instance (AWS-RunPatchBaseline's RebootOption). */
export const PatchRebootOption = {
  /** Reboot when a patch needs it (kernel and library fixes take effect only then). */
  RebootIfNeeded: "RebootIfNeeded",
  NoReboot: "NoReboot",
} as const;
export type PatchRebootOption = (typeof PatchRebootOption)[keyof typeof PatchRebootOption];

export interface PatchMaintenanceWindowArgs {
  /** When the window opens: `cron(...)` or `rate(...)` (e.g. `cron(0 3 ? * SUN *)`). */
  readonly schedule: string;
  /** IANA time zone of the schedule (default UTC). */
  readonly scheduleTimezone?: string;
  /** Length of the window in hours, 1-24 (default 3). */
  readonly durationHours?: number;
  /** Hours before the end when no new patch run starts, 0-23, less than the duration (default 1). */
  readonly cutoffHours?: number;
}

export interface PatchOnFindingArgs {
  /** Lowest Inspector severity patched (default HIGH); UNTRIAGED findings are never patched. */
  readonly minSeverity?: PatchSeverity;
  /** `detect` (default) reports what would be patched; `enforce` patches. */
  readonly mode?: EnforcementMode;
  /** The responder's own patch commands pending or in progress at once in one account and Region (default 5). */
  readonly maxConcurrent?: number;
  /** Minutes after a patch run (running or succeeded) in which the same instance is not patched again (default 360). */
  readonly cooldownMinutes?: number;
  /** `RebootIfNeeded` (default, needed for kernel and library fixes to take effect) or `NoReboot`. */
  readonly rebootOption?: PatchRebootOption;
  /** Patch only inside this SSM maintenance window: findings tag the instance, the window's task patches it. */
  readonly maintenanceWindow?: PatchMaintenanceWindowArgs;
  /** Tag that marks instances waiting for the window (default `kamae:patch-pending`). */
  readonly pendingTagKey?: string;
  /** Where reports go: a created KMS-encrypted topic, or an existing one (with its customer-managed key). */
  readonly notifications?: NotificationArgs;
  /** Member accounts whose findings this deployment acts on (through their MemberAccountAccess role). */
  readonly memberAccounts?: MemberAccountsArgs;
  /** Retention of the function's logs in days (default 365). */
  readonly logRetentionDays?: number;
  /**
   * Instances tagged `<scopeTagKey>=true` are in scope (InstanceIsolation's scope tag is `kamae:isolation-scope`).
   * With neither `scopeTagKey` nor `scopeAutoScalingGroups`, every instance Inspector reports on is in scope.
   */
  readonly scopeTagKey?: string;
  /**
   * Instances of these Auto Scaling groups are in scope (names; a group created in the same program may be passed as its
   * `name`). The list itself is plain: whether it is given decides which statements the function's role has.
   */
  readonly scopeAutoScalingGroups?: pulumi.Input<string>[];
  /** Instances tagged `<protectionTagKey>=true` are never patched, only reported (default `kamae:protected`, as InstanceIsolation). */
  readonly protectionTagKey?: string;
  /** Instances of one Auto Scaling group patched (and maybe rebooted) at once, 1-100 (default 1). */
  readonly maxPerAutoScalingGroup?: number;
  /** A tag naming a group of instances that serve together (a cluster): at most `groupMaxPercent` of it at once. */
  readonly groupTagKey?: string;
  /** Share of a `groupTagKey` group patched at once, 1-100 percent (default 34; always at least one instance). */
  readonly groupMaxPercent?: number;
}

/** The EventBridge pattern: active, fixable package vulnerabilities on EC2 instances at or above the severity. */
export function inspectorEventPattern(minSeverity: PatchOnFindingArgs["minSeverity"] = PatchDefaults.minSeverity): Record<string, unknown> {
  const from = INSPECTOR_SEVERITIES.indexOf(minSeverity);
  return {
    source: ["aws.inspector2"],
    "detail-type": ["Inspector2 Finding"],
    detail: {
      status: ["ACTIVE"],
      type: ["PACKAGE_VULNERABILITY"],
      severity: INSPECTOR_SEVERITIES.slice(from),
      fixAvailable: ["YES", "PARTIAL"],
      resources: { type: ["AWS_EC2_INSTANCE"] },
    },
  };
}

function validate(args: PatchOnFindingArgs): void {
  const check: Validator = new Validator("PatchOnFinding");
  validateMemberAccounts("PatchOnFinding", args.memberAccounts);
  check.oneOf("minSeverity", args.minSeverity, PatchSeverity);
  check.oneOf("mode", args.mode, EnforcementMode);
  check.integer("maxConcurrent", args.maxConcurrent, 1, 100);
  check.integer("cooldownMinutes", args.cooldownMinutes, 0, 43200);
  check.oneOf("rebootOption", args.rebootOption, PatchRebootOption);
  const tagKey = (name: string, key: string | undefined) => {
    if (key !== undefined && (key.trim() === "" || key.length > 128 || /^aws:/i.test(key))) check.fail(`${name} "${key}" must be 1-128 characters and not start with aws:`);
  };
  tagKey("pendingTagKey", args.pendingTagKey);
  tagKey("scopeTagKey", args.scopeTagKey);
  tagKey("protectionTagKey", args.protectionTagKey);
  tagKey("groupTagKey", args.groupTagKey);
  check.autoScalingGroupNames("scopeAutoScalingGroups", args.scopeAutoScalingGroups);
  check.integer("maxPerAutoScalingGroup", args.maxPerAutoScalingGroup, 1, 100);
  check.integer("groupMaxPercent", args.groupMaxPercent, 1, 100);
  const w = args.maintenanceWindow;
  if (w) {
    check.schedule("maintenanceWindow.schedule", w.schedule, { at: true });
    const duration = w.durationHours ?? 3;
    check.integer("maintenanceWindow.durationHours", duration, 1, 24);
    check.integer("maintenanceWindow.cutoffHours (less than the duration)", w.cutoffHours ?? 1, 0, duration - 1);
  }
  validateNotifications(check, args.notifications);
  check.logRetentionDays("logRetentionDays", args.logRetentionDays);
}

/**
 * Patches instances that Amazon Inspector finds vulnerable: an EventBridge rule on active, fixable package
 * vulnerabilities of EC2 instances (at or above a severity) invokes a responder that runs `AWS-RunPatchBaseline`
 * (Install) through Run Command on exactly that instance, at most N at once and never twice for the same instance
 * while a run is going, or, with a maintenance window, tags the instance for the window's patch task. Detect mode
 * reports what it would do.
 */
export class PatchOnFinding extends pulumi.ComponentResource {
  /** The function that plans and starts the patching. */
  public readonly functionArn: pulumi.Output<string>;
  /** The EventBridge rule of Inspector findings. */
  public readonly eventRuleArn: pulumi.Output<string>;
  /** The topic reports go to (created or given). */
  public readonly notificationTopicArn: pulumi.Output<string>;
  /** Id of the maintenance window, when one is used. */
  public readonly maintenanceWindowId?: pulumi.Output<string>;

  constructor(name: string, args: PatchOnFindingArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:PatchOnFinding", name, {}, opts);
    validate(args);
    const parent = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, parent);
    const region = aws.getRegionOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent);
    const maxConcurrent = args.maxConcurrent ?? PatchDefaults.maxConcurrent;
    const perGroupLimit = args.maxPerAutoScalingGroup ?? PatchDefaults.maxPerAutoScalingGroup;
    const pendingTagKey = args.pendingTagKey ?? PatchDefaults.pendingTagKey;
    const windowed = args.maintenanceWindow !== undefined;

    const key = createEncryptionKey(
      `${name}-key`,
      { description: `Kamae PatchOnFinding ${name}: logs, failure queue, reports`, allowCloudWatchLogs: true, servicePrincipals: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "sns.amazonaws.com"] },
      parent,
    );
    const reports = reportTopic(`${name}-reports`, args.notifications, key, parent);
    this.notificationTopicArn = reports.topicArn;

    // Finding updates already answered: a redelivery or a redrive publishes no second report.
    const answered = stateTable(`${name}-answered`, { kmsKeyArn: key.arn, hashKey: "pk", ttlAttribute: "expiresAt" }, parent);

    const statements: Statement[] = [
      ...patchActStatements({
        partition: partition.partition,
        accountId: identity.accountId,
        region: region.region,
        maintenanceWindow: windowed,
        pendingTagKey,
        scopeTagKey: args.scopeTagKey || undefined,
        scopeAutoScalingGroups: (args.scopeAutoScalingGroups ?? []).length > 0 ? args.scopeAutoScalingGroups : undefined,
      }),
      ...reports.publishStatements,
      { sid: "AnsweredFindings", actions: ["dynamodb:GetItem", "dynamodb:PutItem"], resources: [answered.arn] },
    ];

    const fn = new ResponderFunction(
      `${name}-patcher`,
      {
        code: "patch-on-finding",
        description: "Kamae PatchOnFinding: runs AWS-RunPatchBaseline on instances Inspector finds vulnerable",
        kmsKey: key,
        alarmTopicArn: this.notificationTopicArn,
        // One writer: the count of running commands it reads cannot be raced by a second copy of itself.
        reservedConcurrency: 1,
        logRetentionDays: args.logRetentionDays,
        memberAccounts: checkedMemberAccounts("PatchOnFinding", args.memberAccounts),
        statements,
        sessionName: "kamae-patch-on-finding",
        environment: {
          [PatchEnv.mode]: args.mode ?? PatchDefaults.mode,
          [PatchEnv.minSeverity]: args.minSeverity ?? PatchDefaults.minSeverity,
          [PatchEnv.maxConcurrent]: String(maxConcurrent),
          [PatchEnv.cooldownMinutes]: String(args.cooldownMinutes ?? PatchDefaults.cooldownMinutes),
          [PatchEnv.strategy]: windowed ? "maintenance-window" : "immediate",
          [PatchEnv.pendingTagKey]: pendingTagKey,
          [PatchEnv.rebootOption]: args.rebootOption ?? PatchDefaults.rebootOption,
          [PatchEnv.topicArn]: this.notificationTopicArn,
          [PatchEnv.tableName]: answered.name,
          [PatchEnv.maxPerAutoScalingGroup]: String(perGroupLimit),
          [PatchEnv.groupMaxPercent]: String(args.groupMaxPercent ?? PatchDefaults.groupMaxPercent),
          ...(args.scopeTagKey !== undefined ? { [PatchEnv.scopeTagKey]: args.scopeTagKey } : {}),
          ...(args.scopeAutoScalingGroups !== undefined ? { [PatchEnv.scopeAutoScalingGroups]: autoScalingGroupNamesSetting("PatchOnFinding", "scopeAutoScalingGroups", args.scopeAutoScalingGroups) } : {}),
          ...(args.protectionTagKey !== undefined ? { [PatchEnv.protectionTagKey]: args.protectionTagKey } : {}),
          ...(args.groupTagKey !== undefined ? { [PatchEnv.groupTagKey]: args.groupTagKey } : {}),
        },
      },
      parent,
    );
    this.functionArn = fn.functionArn;

    const rule = new aws.cloudwatch.EventRule(
      `${name}-findings`,
      { description: "Kamae PatchOnFinding: fixable Inspector package vulnerabilities on EC2 instances", eventPattern: JSON.stringify(inspectorEventPattern(args.minSeverity)) },
      parent,
    );
    fn.trigger(`${name}-findings-target`, rule);
    this.eventRuleArn = rule.arn;

    if (args.maintenanceWindow) {
      const w = args.maintenanceWindow;
      const window = new aws.ssm.MaintenanceWindow(
        `${name}-window`,
        {
          name: `kamae-${name}-patch`,
          description: "Kamae PatchOnFinding: patches instances Inspector found vulnerable",
          schedule: w.schedule,
          scheduleTimezone: w.scheduleTimezone,
          duration: w.durationHours ?? 3,
          cutoff: w.cutoffHours ?? 1,
          allowUnassociatedTargets: false,
        },
        parent,
      );
      const target = new aws.ssm.MaintenanceWindowTarget(
        `${name}-window-target`,
        { windowId: window.id, resourceType: "INSTANCE", targets: [{ key: `tag:${pendingTagKey}`, values: ["true"] }], description: "Instances tagged by PatchOnFinding" },
        parent,
      );
      new aws.ssm.MaintenanceWindowTask(
        `${name}-window-task`,
        {
          windowId: window.id,
          taskType: "RUN_COMMAND",
          taskArn: PATCH_DOCUMENT,
          priority: 1,
          maxConcurrency: String(maxConcurrent),
          maxErrors: "10%",
          targets: [{ key: "WindowTargetIds", values: [target.id] }],
          taskInvocationParameters: {
            runCommandParameters: {
              comment: "kamae patch-on-finding maintenance window",
              timeoutSeconds: 600,
              parameters: [
                { name: "Operation", values: ["Install"] },
                { name: "RebootOption", values: [args.rebootOption ?? "RebootIfNeeded"] },
              ],
            },
          },
        },
        parent,
      );
      this.maintenanceWindowId = window.id;
    }

    this.registerOutputs({
      functionArn: this.functionArn,
      eventRuleArn: this.eventRuleArn,
      notificationTopicArn: this.notificationTopicArn,
      maintenanceWindowId: this.maintenanceWindowId,
    });
  }
}
