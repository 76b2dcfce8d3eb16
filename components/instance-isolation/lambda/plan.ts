import { KamaeTags } from "../../shared/runtime/tags";
import type { Action, IpPermission, IsolationGroup, IsolationRecord, IsolationRequest, ObservedState, Outcome, ReleaseRequest, Step } from "./model";
import type { IsolationSettings } from "./settings";

/**
 * The order of the response: every action of a phase (or of phases grouped together) runs in parallel; a phase starts
 * when the previous one ended. Isolation: prepare (overlapping the guard, mark and contain) → mark and contain, with
 * leave (the target groups) as soon as the record holds them → transition → isolate → after. Release: restore →
 * rejoin → mark.
 */
export type Phase = "prepare" | "mark" | "contain" | "leave" | "transition" | "isolate" | "after" | "restore" | "rejoin";
export const RELEASE_PHASES: readonly Phase[] = ["restore", "rejoin", "mark"];

/**
 * The instance's mark (`kamae:isolation-status=isolated`) goes on before anything else changes it when the instance
 * is to leave an Auto Scaling group that scopes it: leaving removes the group's tag, and then only the mark lets the
 * function's role write to it (see permissions.ts). Otherwise the mark runs with the rest (no extra round trip). At
 * release the mark changes to "released" last, once the rest is restored.
 */
export function containPhases(actions: readonly Action[], settings: Pick<IsolationSettings, "scopeAutoScalingGroups">): Array<Phase | readonly Phase[]> {
  const leavesScopeGroup = settings.scopeAutoScalingGroups.length > 0 && actions.some((a) => a.step === "detach-asg");
  return leavesScopeGroup ? ["mark", "contain"] : [["mark", "contain"]];
}

const PHASE_OF: Record<Step, Phase> = {
  "prepare-isolation-group": "prepare",
  "preserve-evidence": "contain",
  "preserve-volumes": "contain",
  tag: "mark",
  "detach-asg": "contain",
  "deregister-target": "leave",
  "cut-transition": "transition",
  "cut-isolate": "isolate",
  "disassociate-eip": "after",
  "replace-profile": "after",
  "revoke-sessions": "after",
  snapshot: "after",
  "restore-groups": "restore",
  "associate-eip": "restore",
  "restore-profile": "restore",
  "restore-attributes": "restore",
  "register-target": "rejoin",
  "attach-asg": "rejoin",
  "exit-standby": "rejoin",
  "unprotect-asg": "rejoin",
  "lift-group-hold": "rejoin",
};

export const phaseOf = (action: Action): Phase => PHASE_OF[action.step];

/**
 * Steps planned from the second round of reads (target health, isolation groups). The others follow from the instance
 * alone, so when the first round already plans one of them, the isolation is sure to act and is recorded while the
 * second round runs.
 */
export const SURROUNDING_STEPS: ReadonlySet<Step> = new Set<Step>(["deregister-target", "prepare-isolation-group", "cut-transition", "cut-isolate"]);

/** Steps whose failure means the instance may still talk to the network (a failed transition leaves tracked flows up). */
export const CUT_STEPS: ReadonlySet<Step> = new Set<Step>(["prepare-isolation-group", "cut-transition", "cut-isolate"]);

export interface Decision {
  /** "act" = execute `actions`; anything else is the final outcome without any change. */
  readonly outcome: Outcome | "act";
  readonly detail: string;
  readonly actions: Action[];
  /** A new isolation: it must pass the circuit breaker and record the original state first. */
  readonly isNew: boolean;
}

const isTrue = (v: string | undefined) => v?.trim().toLowerCase() === "true";
// Exactly as the role's grant tests the scope tag (StringEqualsIgnoreCase "true"): an instance the code finds in scope
// is one IAM lets it change, so an isolation never stops half-way on AccessDenied.
const isScopeValue = (v: string | undefined) => v?.toLowerCase() === "true";

const ALL_V4 = "0.0.0.0/0";
const ALL_V6 = "::/0";

/** True when the rules let every protocol to and from everywhere: the condition for AWS to stop tracking flows. */
export function allowsEverything(rules: readonly IpPermission[]): boolean {
  const all = rules.filter((r) => r.IpProtocol === "-1");
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up range has no CidrIp/CidrIpv6 to match
  const v4 = all.some((r) => ((r.IpRanges as Array<{ CidrIp?: string }>) ?? []).some((x) => x.CidrIp === ALL_V4));
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up range has no CidrIp/CidrIpv6 to match
  const v6 = all.some((r) => ((r.Ipv6Ranges as Array<{ CidrIpv6?: string }>) ?? []).some((x) => x.CidrIpv6 === ALL_V6));
  return v4 && v6;
}

const hasNoRules = (g: IsolationGroup) => g.ingress.length === 0 && g.egress.length === 0;

/** True when `update` is a later version of a finding recorded at `recorded` ("" = recorded without a time). */
export function isNewerUpdate(update: string | undefined, recorded: string): boolean {
  if (update === undefined) return false;
  return recorded === "" || Date.parse(update) > Date.parse(recorded);
}

/**
 * True when Auto Scaling can no longer terminate or replace an instance that is still in its group: in Standby, or
 * held by an earlier run of this isolation (`active`: its record, not released) with scale-in protection.
 */
function outOfAutoScalingReach(observed: ObservedState, active: IsolationRecord | undefined): boolean {
  if (observed.autoScaling?.lifecycleState?.startsWith("Standby")) return true;
  return active?.asgHold === "protected" && observed.autoScaling?.protectedFromScaleIn === true;
}

export function inScope(observed: ObservedState, record: IsolationRecord | undefined, settings: IsolationSettings): boolean {
  if (settings.scopeTagKey && isScopeValue(observed.tags[settings.scopeTagKey])) return true;
  const group = record?.original.autoScalingGroupName ?? observed.original.autoScalingGroupName;
  return settings.scopeAutoScalingGroups.some((g) => g === group);
}

/**
 * Decides what isolating the instance takes, from what was observed (and the record of an earlier response): the
 * guard (found, protected, in scope, already isolated), then only the actions not yet done, so a replayed or retried
 * event plans nothing it already did. Pure: no AWS calls.
 */
export function planIsolation(
  request: IsolationRequest,
  observed: ObservedState,
  record: IsolationRecord | undefined,
  settings: IsolationSettings,
  nowIso: string,
): Decision {
  const none = (outcome: Outcome, detail: string): Decision => ({ outcome, detail, actions: [], isNew: false });
  const released = record?.status === "released" ? record.releasedFindings?.[request.findingId] : undefined;
  if (released !== undefined) {
    // An operator released this finding: a redelivery or a redrive of it must not isolate again.
    if (!isNewerUpdate(request.updatedAt, released)) return none("released-finding", `finding ${request.findingId} was released by an operator: a replay changes nothing`);
    if (!settings.reisolateUpdatedFindings) {
      return none("finding-updated-after-release", `finding ${request.findingId} was released by an operator and has been updated since (${request.updatedAt}); not isolating again (KAMAE_REISOLATE_UPDATED_FINDINGS)`);
    }
  }
  if (!observed.found || observed.instanceState === "terminated" || observed.instanceState === "shutting-down") {
    return none("not-found", `instance ${request.instanceId} does not exist (or is terminating) in ${request.target.accountId}/${request.target.region}`);
  }
  if (isTrue(observed.tags[settings.protectionTagKey])) return none("protected", `the instance carries ${settings.protectionTagKey}=true`);
  if (!inScope(observed, record, settings)) {
    const scopes = [settings.scopeTagKey && `tag ${settings.scopeTagKey}=true`, settings.scopeAutoScalingGroups.length > 0 && `groups ${settings.scopeAutoScalingGroups.join(", ")}`];
    return none("out-of-scope", `the instance is outside the isolation scope (${scopes.filter(Boolean).join(" or ")})`);
  }

  const active = record !== undefined && record.status !== "released";
  const actions: Action[] = [];
  const cur = observed.original;

  if (!cur.disableApiTermination) actions.push({ step: "preserve-evidence", attribute: "disableApiTermination", reason: "keep the instance from being terminated" });
  if (cur.shutdownBehavior !== "stop") {
    actions.push({ step: "preserve-evidence", attribute: "instanceInitiatedShutdownBehavior", reason: "a shutdown from inside must stop, not terminate" });
  }
  const disposable = cur.volumes.filter((v) => v.deleteOnTermination).map((v) => v.deviceName);
  if (disposable.length > 0) actions.push({ step: "preserve-volumes", deviceNames: disposable, reason: "keep the volumes if the instance is terminated" });
  if (observed.tags[KamaeTags.isolationStatus] !== "isolated") {
    actions.push({
      step: "tag",
      reason: "mark the instance as isolated, with the finding",
      tags: {
        [KamaeTags.isolationStatus]: "isolated",
        "kamae:finding-id": request.findingId,
        "kamae:finding-source": request.source,
        "kamae:isolated-at": nowIso,
      },
    });
  }
  if (cur.autoScalingGroupName && !outOfAutoScalingReach(observed, active ? record : undefined)) {
    actions.push({
      step: "detach-asg",
      autoScalingGroupName: cur.autoScalingGroupName,
      reason:
        "leave the Auto Scaling group before the network cut (failing health checks would terminate the evidence); capacity kept so a replacement launches. " +
        "Falls back to Standby, then to scale-in protection with unhealthy-instance replacement suspended; the cut waits for one of them",
    });
  }
  for (const target of observed.registeredTargets) {
    actions.push({ step: "deregister-target", target, reason: "stop the load balancer sending traffic to the instance" });
  }

  const vpcIds = [...new Set(cur.networkInterfaces.map((n) => n.vpcId))];
  const group = (vpcId: string, role: "empty" | "transition") => observed.isolationGroups.find((g) => g.vpcId === vpcId && g.role === role);
  const cuts: Action[] = [];
  const needsTransition = new Set<string>();
  for (const eni of cur.networkInterfaces) {
    const empty = group(eni.vpcId, "empty");
    const transition = group(eni.vpcId, "transition");
    const only = eni.groupIds.length === 1 ? eni.groupIds[0] : undefined;
    if (empty && only === empty.groupId) continue;
    if (!(transition && only === transition.groupId)) {
      needsTransition.add(eni.vpcId);
      cuts.push({ step: "cut-transition", networkInterfaceId: eni.networkInterfaceId, vpcId: eni.vpcId, reason: "an allow-all group first: tracked flows become untracked" });
    }
    cuts.push({ step: "cut-isolate", networkInterfaceId: eni.networkInterfaceId, vpcId: eni.vpcId, reason: "then the group with no rules: untracked flows drop at once" });
  }
  // Every VPC of the instance needs its empty group without rules: the isolated ENIs stay in it.
  for (const vpcId of vpcIds) {
    const empty = group(vpcId, "empty");
    if (!empty || !hasNoRules(empty)) {
      actions.push({ step: "prepare-isolation-group", vpcId, role: "empty", existing: empty, reason: empty ? "the isolation group has rules: strip them" : `no isolation group in ${vpcId} yet` });
    }
    const transition = group(vpcId, "transition");
    if (needsTransition.has(vpcId) && (!transition || !allowsEverything(transition.ingress) || !allowsEverything(transition.egress))) {
      actions.push({
        step: "prepare-isolation-group",
        vpcId,
        role: "transition",
        existing: transition,
        reason: transition ? "the transition group lacks its allow-all rules" : `no transition group in ${vpcId} yet`,
      });
    }
  }
  actions.push(...cuts);

  for (const a of observed.addressAssociations) {
    actions.push({ step: "disassociate-eip", associationId: a.associationId, publicIp: a.publicIp, reason: "no public address for an isolated instance" });
  }
  // The isolation profile, with or without a path (arn:aws:iam::<account>:instance-profile/<path/>name).
  const isIsolationProfile = (arn: string | undefined) => arn?.endsWith(`/${settings.isolationProfileName}`) === true;
  if (!isIsolationProfile(cur.instanceProfileArn)) {
    actions.push({
      step: "replace-profile",
      associationId: observed.profileAssociationId,
      profileName: settings.isolationProfileName,
      reason: "new credentials on the instance come from the isolation profile, which grants nothing",
    });
  }
  const originalProfile = active ? record.original.instanceProfileArn : cur.instanceProfileArn;
  if (settings.revokeRoleSessions && originalProfile && !isIsolationProfile(originalProfile) && !(active && record.sessionsRevoked)) {
    actions.push({ step: "revoke-sessions", instanceProfileArn: originalProfile, reason: "deny the role's sessions issued before now (opt-in: cuts every instance sharing the role)" });
  }
  if (settings.snapshots && cur.volumes.length > 0 && !(active && (record.snapshotIds?.length ?? 0) > 0)) {
    actions.push({ step: "snapshot", volumeCount: cur.volumes.length, reason: "disk evidence of every volume" });
  }

  if (actions.length === 0) return none("already-isolated", "the instance is already isolated: nothing to do");
  return { outcome: "act", detail: active ? "resuming an earlier isolation" : "isolating", actions, isNew: !active };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Decides what restoring the recorded state takes: only what differs from it now. */
export function planRelease(request: ReleaseRequest, observed: ObservedState, record: IsolationRecord | undefined): Decision {
  const none = (outcome: Outcome, detail: string): Decision => ({ outcome, detail, actions: [], isNew: false });
  if (!record || record.status === "released") return none("not-isolated", "no isolation of this instance is recorded: nothing to release");
  const group = record.original.autoScalingGroupName;
  if (!observed.found || observed.instanceState === "terminated") {
    // Gone while holding its group: nothing of the instance is left to restore, but the processes suspended for it
    // stay suspended until its hold is lifted (resumed when it was the last holder).
    if (!group || record.asgHold !== "protected") return none("not-found", `instance ${request.instanceId} no longer exists`);
    return {
      outcome: "act",
      detail: `instance ${request.instanceId} no longer exists: only its hold on Auto Scaling group ${group} is lifted`,
      actions: [{ step: "lift-group-hold", autoScalingGroupName: group, reason: "the instance is gone: it no longer holds the group's unhealthy-instance replacement and rebalancing suspended" }],
      isNew: false,
    };
  }
  const original = record.original;
  const cur = observed.original;
  const actions: Action[] = [{ step: "tag", tags: { [KamaeTags.isolationStatus]: "released" }, reason: "mark the instance as released, once the rest is restored" }];
  for (const eni of original.networkInterfaces) {
    const now = cur.networkInterfaces.find((n) => n.networkInterfaceId === eni.networkInterfaceId);
    if (now && !sameSet(now.groupIds, eni.groupIds)) {
      actions.push({ step: "restore-groups", networkInterfaceId: eni.networkInterfaceId, groupIds: eni.groupIds, reason: "the security groups it had before isolation" });
    }
  }
  for (const address of original.addresses) {
    if (!observed.addressAssociations.some((a) => a.allocationId === address.allocationId)) {
      actions.push({ step: "associate-eip", address, reason: "the Elastic IP it had before isolation" });
    }
  }
  if (cur.instanceProfileArn !== original.instanceProfileArn) {
    actions.push({
      step: "restore-profile",
      associationId: observed.profileAssociationId,
      instanceProfileArn: original.instanceProfileArn,
      reason: original.instanceProfileArn ? "the instance profile it had before isolation" : "it had no instance profile before isolation",
    });
  }
  // A volume detached since isolation has nothing to restore: only the attached ones that differ count.
  const volumes = original.volumes.filter((v) => cur.volumes.some((c) => c.deviceName === v.deviceName && c.deleteOnTermination !== v.deleteOnTermination));
  if (cur.disableApiTermination !== original.disableApiTermination || cur.shutdownBehavior !== original.shutdownBehavior || volumes.length > 0) {
    actions.push({
      step: "restore-attributes",
      disableApiTermination: original.disableApiTermination,
      shutdownBehavior: original.shutdownBehavior,
      volumes,
      reason: "the termination settings it had before isolation",
    });
  }
  for (const target of original.targets) {
    const registered = observed.registeredTargets.some((t) => t.targetGroupArn === target.targetGroupArn && t.id === target.id && t.port === target.port);
    if (!registered) actions.push({ step: "register-target", target, reason: "back behind the load balancer" });
  }
  if (group && !cur.autoScalingGroupName) {
    actions.push({ step: "attach-asg", autoScalingGroupName: group, reason: "back into its Auto Scaling group (raises desired capacity by one)" });
  } else if (group && observed.autoScaling?.lifecycleState === "Standby") {
    actions.push({ step: "exit-standby", autoScalingGroupName: group, reason: "back in service in its Auto Scaling group (raises desired capacity by one)" });
  }
  if (group && record.asgHold === "protected") {
    actions.push({ step: "unprotect-asg", autoScalingGroupName: group, reason: "lift the scale-in protection and resume the group's unhealthy-instance replacement that isolation suspended" });
  }
  return { outcome: "act", detail: "releasing", actions, isNew: false };
}
