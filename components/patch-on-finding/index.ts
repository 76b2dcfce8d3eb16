import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { INSPECTOR_SEVERITIES } from "../shared/events/inspector";
import type { EnforcementMode } from "../shared/runtime/mode";
import type { Statement } from "../shared/iam/policy";
import { createEncryptionKey } from "../shared/kms";
import { ResponderFunction } from "../shared/infra/responder-function";
import { stateTable } from "../shared/infra/state-table";
import { MemberAccountsArgs, validateMemberAccounts } from "../shared/member-accounts";
import { type NotificationArgs, reportTopic } from "../shared/notifications";
import { PATCH_DOCUMENT } from "./lambda/plan";
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
  /** Instances of these Auto Scaling groups are in scope. */
  readonly scopeAutoScalingGroups?: string[];
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
export function inspectorEventPattern(minSeverity: PatchOnFindingArgs["minSeverity"] = "HIGH"): Record<string, unknown> {
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
  validateMemberAccounts("PatchOnFinding", args.memberAccounts);
  const fail = (message: string): never => {
    throw new Error(`kamae:PatchOnFinding: ${message}`);
  };
  if (args.minSeverity !== undefined && !["LOW", "MEDIUM", "HIGH", "CRITICAL"].includes(args.minSeverity)) fail(`minSeverity "${args.minSeverity}" must be LOW, MEDIUM, HIGH or CRITICAL`);
  if (args.mode !== undefined && args.mode !== "enforce" && args.mode !== "detect") fail(`mode "${String(args.mode)}" must be enforce or detect`);
  const n = args.maxConcurrent ?? 5;
  if (!Number.isInteger(n) || n < 1 || n > 100) fail(`maxConcurrent ${n} must be a whole number from 1 to 100`);
  const cooldown = args.cooldownMinutes ?? 360;
  if (!Number.isInteger(cooldown) || cooldown < 0 || cooldown > 43200) fail(`cooldownMinutes ${cooldown} must be a whole number from 0 to 43200`);
  if (args.rebootOption !== undefined && !["RebootIfNeeded", "NoReboot"].includes(args.rebootOption)) fail(`rebootOption "${args.rebootOption}" must be RebootIfNeeded or NoReboot`);
  const tag = args.pendingTagKey ?? "kamae:patch-pending";
  if (tag.trim() === "" || tag.length > 128 || /^aws:/i.test(tag)) fail(`pendingTagKey "${tag}" must be 1-128 characters and not start with aws:`);
  const tagKey = (name: string, key: string | undefined) => {
    if (key !== undefined && (key.trim() === "" || key.length > 128 || /^aws:/i.test(key))) fail(`${name} "${key}" must be 1-128 characters and not start with aws:`);
  };
  tagKey("scopeTagKey", args.scopeTagKey);
  tagKey("protectionTagKey", args.protectionTagKey);
  tagKey("groupTagKey", args.groupTagKey);
  for (const g of args.scopeAutoScalingGroups ?? []) if (!/^[\x20-\x7e]{1,255}$/.test(g) || g.includes(",")) fail(`scopeAutoScalingGroups: "${g}" is not an Auto Scaling group name`);
  const perGroup = args.maxPerAutoScalingGroup ?? 1;
  if (!Number.isInteger(perGroup) || perGroup < 1 || perGroup > 100) fail(`maxPerAutoScalingGroup ${perGroup} must be a whole number from 1 to 100`);
  const percent = args.groupMaxPercent ?? 34;
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) fail(`groupMaxPercent ${percent} must be a whole number from 1 to 100`);
  const w = args.maintenanceWindow;
  if (w) {
    if (!/^(cron|rate|at)\(.+\)$/.test(w.schedule)) fail(`maintenanceWindow.schedule "${w.schedule}" must be cron(...), rate(...) or at(...)`);
    const duration = w.durationHours ?? 3;
    const cutoff = w.cutoffHours ?? 1;
    if (!Number.isInteger(duration) || duration < 1 || duration > 24) fail(`maintenanceWindow.durationHours ${duration} must be 1-24`);
    if (!Number.isInteger(cutoff) || cutoff < 0 || cutoff >= duration) fail(`maintenanceWindow.cutoffHours ${cutoff} must be 0-${duration - 1} (less than the duration)`);
  }
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
    const maxConcurrent = args.maxConcurrent ?? 5;
    const perGroupLimit = args.maxPerAutoScalingGroup ?? 1;
    const pendingTagKey = args.pendingTagKey ?? "kamae:patch-pending";
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
      ...patchActStatements({ partition: partition.partition, accountId: identity.accountId, region: region.region, maintenanceWindow: windowed, pendingTagKey }),
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
        memberAccounts: args.memberAccounts,
        statements,
        environment: {
          KAMAE_MODE: args.mode ?? "detect",
          KAMAE_MIN_SEVERITY: args.minSeverity ?? "HIGH",
          KAMAE_MAX_CONCURRENT: String(maxConcurrent),
          KAMAE_COOLDOWN_MINUTES: String(args.cooldownMinutes ?? 360),
          KAMAE_PATCH_STRATEGY: windowed ? "maintenance-window" : "immediate",
          KAMAE_PENDING_TAG_KEY: pendingTagKey,
          KAMAE_REBOOT_OPTION: args.rebootOption ?? "RebootIfNeeded",
          KAMAE_TOPIC_ARN: this.notificationTopicArn,
          KAMAE_TABLE_NAME: answered.name,
          KAMAE_SESSION_NAME: "kamae-patch-on-finding",
          KAMAE_MAX_PER_ASG: String(perGroupLimit),
          KAMAE_GROUP_MAX_PERCENT: String(args.groupMaxPercent ?? 34),
          ...(args.scopeTagKey !== undefined ? { KAMAE_SCOPE_TAG_KEY: args.scopeTagKey } : {}),
          ...(args.scopeAutoScalingGroups !== undefined ? { KAMAE_SCOPE_ASG_NAMES: args.scopeAutoScalingGroups.join(",") } : {}),
          ...(args.protectionTagKey !== undefined ? { KAMAE_PROTECTION_TAG_KEY: args.protectionTagKey } : {}),
          ...(args.groupTagKey !== undefined ? { KAMAE_GROUP_TAG_KEY: args.groupTagKey } : {}),
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
