import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { INSPECTOR_SEVERITIES } from "../shared/events/inspector";
import type { EnforcementMode } from "../shared/runtime/mode";
import type { Statement } from "../shared/iam/policy";
import { createEncryptionKey } from "../shared/kms";
import { ResponderFunction } from "../shared/infra/responder-function";
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
    const pendingTagKey = args.pendingTagKey ?? "kamae:patch-pending";
    const windowed = args.maintenanceWindow !== undefined;

    const key = createEncryptionKey(
      `${name}-key`,
      { description: `Kamae PatchOnFinding ${name}: logs, failure queue, reports`, allowCloudWatchLogs: true, servicePrincipals: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "sns.amazonaws.com"] },
      parent,
    );
    const reports = reportTopic(`${name}-reports`, args.notifications, key, parent);
    this.notificationTopicArn = reports.topicArn;

    const statements: Statement[] = [
      ...patchActStatements({ partition: partition.partition, accountId: identity.accountId, region: region.region, maintenanceWindow: windowed, pendingTagKey }),
      ...reports.publishStatements,
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
          KAMAE_SESSION_NAME: "kamae-patch-on-finding",
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
