import { INSPECTOR_SEVERITIES, meetsSeverity, type InspectorFinding } from "../../shared/events/inspector";
import { AUTO_SCALING_GROUP_TAG } from "../../shared/runtime/tags";

/**
 * The decision of PatchOnFinding, as pure functions: from a parsed Inspector finding, the settings and the state read
 * from Systems Manager, the list of actions (each with its reason). Nothing here calls AWS.
 */

export type MinimumSeverity = Exclude<(typeof INSPECTOR_SEVERITIES)[number], "INFORMATIONAL">;

export interface PatchSettings {
  /** `detect` reports the plan and changes nothing. */
  readonly mode: "enforce" | "detect";
  readonly minSeverity: MinimumSeverity;
  /** Patch commands of this responder allowed to run at once in one account and Region. */
  readonly maxConcurrent: number;
  /** A patch command on the instance within this many minutes (running or succeeded) makes a new one unnecessary. */
  readonly cooldownMinutes: number;
  /** `immediate`: Run Command now; `maintenance-window`: tag the instance for the window's patch task. */
  readonly strategy: "immediate" | "maintenance-window";
  /** Tag the maintenance window's target selects (strategy `maintenance-window`). */
  readonly pendingTagKey: string;
  readonly rebootOption: "RebootIfNeeded" | "NoReboot";
  /** Instances tagged `<scopeTagKey>=true` are in scope (InstanceIsolation's scope tag). */
  readonly scopeTagKey?: string;
  /** Instances of these Auto Scaling groups are in scope. With neither scope set, every instance is. */
  readonly scopeAutoScalingGroups?: readonly string[];
  /** Instances tagged `<protectionTagKey>=true` are never patched by the responder (InstanceIsolation's protection tag). */
  readonly protectionTagKey?: string;
  /** Instances of one Auto Scaling group patched (and maybe rebooted) at once by the responder. */
  readonly maxPerAutoScalingGroup?: number;
  /** A tag naming a group of instances that serve together (a cluster): at most `groupMaxPercent` of it at once. */
  readonly groupTagKey?: string;
  readonly groupMaxPercent?: number;
}

/** What Systems Manager (and EC2) say about the instance and the responder's running commands. */
export interface PatchState {
  /** The instance is registered with SSM (DescribeInstanceInformation lists it). */
  readonly managed: boolean;
  /** Online | ConnectionLost | Inactive */
  readonly pingStatus?: string;
  /** AWS-RunPatchBaseline commands on this instance of the last day (or the cooldown, when longer), with their age. */
  readonly recentCommands: ReadonlyArray<{ commandId: string; status: string; ageMinutes: number; comment?: string }>;
  /** This responder's patch commands pending or in progress in the account and Region. */
  readonly runningCommands: number;
  /** Value of the pending tag on the instance (strategy `maintenance-window`). */
  readonly pendingTagValue?: string;
  /** The instance's tags (scope, protection, groups). */
  readonly tags?: Readonly<Record<string, string>>;
  /** The responder's running patch commands on other instances of the same Auto Scaling group / tagged group. */
  readonly runningInAutoScalingGroup?: number;
  readonly runningInTaggedGroup?: number;
  /** How many instances carry the instance's group tag value. */
  readonly taggedGroupSize?: number;
}

export const PATCH_DOCUMENT = "AWS-RunPatchBaseline";
/** Marks this responder's commands, so it counts only its own against the concurrency limit. */
export const COMMENT_PREFIX = "kamae patch-on-finding";

export type PatchAction =
  | { readonly kind: "run-patch-baseline"; readonly instanceId: string; readonly comment: string; readonly rebootOption: PatchSettings["rebootOption"]; readonly reason: string }
  | { readonly kind: "tag-for-maintenance-window"; readonly instanceId: string; readonly tagKey: string; readonly tagValue: string; readonly reason: string };

export interface PatchPlan {
  readonly accountId: string;
  readonly region: string;
  readonly findingArn: string;
  readonly instanceId?: string;
  readonly vulnerabilityId?: string;
  readonly severity: string;
  readonly actions: PatchAction[];
  /** Why nothing is done (empty plan), or why the event must be retried later (`deferred`). */
  readonly outcome: "act" | "ignored" | "already-handled" | "unmanaged" | "deferred" | "protected" | "out-of-scope";
  readonly reason: string;
  /** A human should hear about it (acting, an unmanaged vulnerable instance, a deferral). */
  readonly notify: boolean;
}

const running = new Set(["Pending", "InProgress", "Delayed", "Cancelling"]);

function base(finding: InspectorFinding) {
  return {
    accountId: finding.accountId,
    region: finding.region,
    findingArn: finding.findingArn,
    ...(finding.instanceId ? { instanceId: finding.instanceId } : {}),
    ...(finding.vulnerabilityId ? { vulnerabilityId: finding.vulnerabilityId } : {}),
    severity: finding.severity,
  };
}

/** Whether the finding is one patching can fix at all; `undefined` when it is (state must be read next). */
export function screen(finding: InspectorFinding, settings: PatchSettings): PatchPlan | undefined {
  const ignore = (reason: string): PatchPlan => ({ ...base(finding), actions: [], outcome: "ignored", reason, notify: false });
  if (finding.resourceType !== "AWS_EC2_INSTANCE" || !finding.instanceId) return ignore(`the finding is about ${finding.resourceType}, not an EC2 instance`);
  if (finding.status !== "ACTIVE") return ignore(`the finding is ${finding.status}, not ACTIVE`);
  if (finding.type !== "PACKAGE_VULNERABILITY") return ignore(`a ${finding.type} finding is not fixed by patching`);
  if (!meetsSeverity(finding.severity, settings.minSeverity)) return ignore(`severity ${finding.severity} is below ${settings.minSeverity}`);
  if (finding.fixAvailable === "NO") return ignore("no fix is available yet: patching would change nothing");
  return undefined;
}

/** The comment of the command: the marker, then the vulnerability (Run Command comments are at most 100 characters). */
export function commandComment(finding: InspectorFinding): string {
  return `${COMMENT_PREFIX} ${finding.vulnerabilityId ?? finding.findingArn.split("/").pop()}`.slice(0, 100);
}

/** The plan for a finding that passed `screen`, given the state read from AWS. */
export function planPatch(finding: InspectorFinding, state: PatchState, settings: PatchSettings): PatchPlan {
  const instanceId = finding.instanceId!;
  const plan = (outcome: PatchPlan["outcome"], reason: string, actions: PatchAction[] = [], notify = true): PatchPlan => ({ ...base(finding), actions, outcome, reason, notify });

  const tags = state.tags ?? {};
  // Stryker disable next-line ConditionalExpression: equivalent, no tag is read under an undefined key
  const isTrue = (key: string | undefined) => key !== undefined && tags[key]?.trim().toLowerCase() === "true";
  // Exactly as the role's grant tests the scope tag (StringEqualsIgnoreCase "true"): an instance found in scope is one
  // IAM lets it patch or tag.
  // Stryker disable next-line ConditionalExpression: equivalent, no tag is read under an undefined key
  const inScopeByTag = settings.scopeTagKey !== undefined && tags[settings.scopeTagKey]?.toLowerCase() === "true";
  if (isTrue(settings.protectionTagKey)) return plan("protected", `${instanceId} carries ${settings.protectionTagKey}=true: never patched by the responder`);
  const scopeGroups = settings.scopeAutoScalingGroups ?? [];
  // Stryker disable next-line ConditionalExpression: equivalent, a group name list never includes undefined
  if ((settings.scopeTagKey || scopeGroups.length > 0) && !inScopeByTag && !(tags[AUTO_SCALING_GROUP_TAG] !== undefined && scopeGroups.includes(tags[AUTO_SCALING_GROUP_TAG]))) {
    const scopes = [settings.scopeTagKey && `tag ${settings.scopeTagKey}=true`, scopeGroups.length > 0 && `groups ${scopeGroups.join(", ")}`].filter(Boolean);
    return plan("out-of-scope", `${instanceId} is outside the responder's scope (${scopes.join(" or ")})`);
  }
  if (!state.managed) {
    return plan("unmanaged", `${instanceId} is not managed by Systems Manager (no SSM Agent, role or connectivity): it cannot be patched by Run Command`);
  }
  // A command sent for this very finding by an earlier delivery whose report failed is reported now (the responder
  // skips updates it already answered, so this reaches a human once); another finding's command stays quiet.
  const own = (c: { comment?: string }) => c.comment === commandComment(finding);
  const active = state.recentCommands.find((c) => running.has(c.status));
  if (active) return plan("already-handled", `patch command ${active.commandId} is already ${active.status} on ${instanceId}`, [], own(active));
  const done = state.recentCommands.find((c) => c.status === "Success" && c.ageMinutes <= settings.cooldownMinutes);
  if (done) return plan("already-handled", `${instanceId} was patched by command ${done.commandId} within the last ${settings.cooldownMinutes} minutes`, [], own(done));

  const why = `${finding.severity} ${finding.vulnerabilityId ?? "vulnerability"} on ${instanceId} has a fix${finding.packages.length > 0 ? ` (${finding.packages.map((p) => p.name).slice(0, 5).join(", ")})` : ""}`;
  if (settings.strategy === "maintenance-window") {
    // Reported: the tag may be this finding's own from a delivery whose report failed (updates answered are skipped).
    if (state.pendingTagValue === "true") return plan("already-handled", `${instanceId} already waits for the maintenance window`);
    return plan("act", `${why}; patched in the next maintenance window`, [
      { kind: "tag-for-maintenance-window", instanceId, tagKey: settings.pendingTagKey, tagValue: "true", reason: `${why}: the maintenance window's task patches instances with this tag` },
    ]);
  }
  if (state.pingStatus !== undefined && state.pingStatus !== "Online") {
    return plan("deferred", `${instanceId} is managed but its SSM Agent is ${state.pingStatus}; retry later`);
  }
  if (state.runningCommands >= settings.maxConcurrent) {
    return plan("deferred", `${state.runningCommands} patch commands are running (limit ${settings.maxConcurrent}); retry later`);
  }
  // A patch may reboot: never take down more of one group than it can lose at once.
  const perAsg = settings.maxPerAutoScalingGroup ?? 1;
  if (tags[AUTO_SCALING_GROUP_TAG] !== undefined && (state.runningInAutoScalingGroup ?? 0) >= perAsg) {
    return plan("deferred", `${state.runningInAutoScalingGroup} instance(s) of Auto Scaling group ${tags[AUTO_SCALING_GROUP_TAG]} are being patched (limit ${perAsg} at once); retry later`);
  }
  const group = settings.groupTagKey ? tags[settings.groupTagKey] : undefined;
  if (group !== undefined) {
    const limit = Math.max(1, Math.floor(((state.taggedGroupSize ?? 1) * (settings.groupMaxPercent ?? 34)) / 100));
    if ((state.runningInTaggedGroup ?? 0) >= limit) {
      return plan("deferred", `${state.runningInTaggedGroup} of the ${state.taggedGroupSize} instances of group ${settings.groupTagKey}=${group} are being patched (limit ${limit} at once); retry later`);
    }
  }
  return plan("act", why, [{ kind: "run-patch-baseline", instanceId, comment: commandComment(finding), rebootOption: settings.rebootOption, reason: `${why}: AWS-RunPatchBaseline Install` }]);
}
