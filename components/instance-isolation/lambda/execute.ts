import {
  AttachInstancesCommand,
  AutoScalingClient,
  DescribeAutoScalingInstancesCommand,
  DetachInstancesCommand,
  EnterStandbyCommand,
  ExitStandbyCommand,
  ResumeProcessesCommand,
  SetInstanceProtectionCommand,
  SuspendProcessesCommand,
} from "@aws-sdk/client-auto-scaling";
import {
  AssociateAddressCommand,
  AssociateIamInstanceProfileCommand,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotsCommand,
  CreateTagsCommand,
  DescribeSecurityGroupsCommand,
  DisassociateAddressCommand,
  DisassociateIamInstanceProfileCommand,
  EC2Client,
  IpPermission as Ec2IpPermission,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  ReplaceIamInstanceProfileAssociationCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { DeregisterTargetsCommand, ElasticLoadBalancingV2Client, RegisterTargetsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetInstanceProfileCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import type { AccountClients, ActionTarget } from "../../shared/aws/account-clients";
import type { Ledger } from "./ledger";
import { Action, AsgHold, groupKey, ISOLATION_GROUP_TAG, StepResult } from "./model";
import { Phase, phaseOf } from "./plan";

export interface ExecutionContext {
  readonly clients: AccountClients;
  readonly target: ActionTarget;
  readonly instanceId: string;
  readonly findingId: string;
  readonly nowIso: string;
  /** Where the holders of each Auto Scaling group's suspended processes are recorded. */
  readonly ledger: Ledger;
}

/** The allow-all ranges a rule set lacks (EC2 refuses a whole authorization when one of its rules exists already). */
export function missingAllTraffic(rules: readonly Record<string, unknown>[]): Ec2IpPermission[] {
  const all = rules.filter((r) => r.IpProtocol === "-1");
  const hasV4 = all.some((r) => ((r.IpRanges as Array<{ CidrIp?: string }>) ?? []).some((x) => x.CidrIp === "0.0.0.0/0"));
  const hasV6 = all.some((r) => ((r.Ipv6Ranges as Array<{ CidrIpv6?: string }>) ?? []).some((x) => x.CidrIpv6 === "::/0"));
  if (hasV4 && hasV6) return [];
  return [{ IpProtocol: "-1", ...(hasV4 ? {} : { IpRanges: [{ CidrIp: "0.0.0.0/0" }] }), ...(hasV6 ? {} : { Ipv6Ranges: [{ CidrIpv6: "::/0" }] }) }];
}

/**
 * Processes suspended on the group when the instance can only be protected from scale-in: health-check replacement
 * (an isolated instance fails its health checks) and rebalancing (which terminates protected instances too).
 */
export const HOLD_SUSPENDED_PROCESSES = ["ReplaceUnhealthy", "AZRebalance"];

/** The error of a step that fails after trying its fallbacks: each attempt's error, in order. */
export class FallbacksExhausted extends Error {
  constructor(readonly attempts: readonly string[]) {
    super(attempts.join("; "));
    this.name = "FallbacksExhausted";
  }
}

/** Name of the inline policy the opt-in session revocation puts on the instance's role. */
export const REVOKE_POLICY_NAME = "kamae-deny-sessions-before-isolation";

/** Describes an action's subject for the report: the one resource it changes. */
export function subjectOf(action: Action, instanceId: string): string {
  switch (action.step) {
    case "deregister-target":
    case "register-target":
      return `${action.target.targetGroupArn} ${action.target.id}${action.target.port ? `:${action.target.port}` : ""}`;
    case "prepare-isolation-group":
      return `${action.role} group in ${action.vpcId}`;
    case "cut-transition":
    case "cut-isolate":
    case "restore-groups":
      return action.networkInterfaceId;
    case "disassociate-eip":
      return action.publicIp;
    case "associate-eip":
      return action.address.publicIp;
    case "detach-asg":
    case "attach-asg":
    case "exit-standby":
    case "unprotect-asg":
    case "lift-group-hold":
      return action.autoScalingGroupName;
    case "preserve-evidence":
      return `${instanceId} ${action.attribute}`;
    default:
      return instanceId;
  }
}

const describeError = (err: unknown) => {
  const e = err as Error;
  return `${e.name ?? "Error"}: ${e.message ?? String(err)}`.slice(0, 500);
};

/**
 * Runs a plan phase by phase: every action of a phase in parallel, each one's failure caught and reported so that the
 * others (above all the network cut) still run. Isolation groups created in the prepare phase are looked up by VPC.
 */
export class PlanExecutor {
  /** Isolation group ids by `vpc/role`: the found ones, then the created ones. */
  readonly groups = new Map<string, string>();
  private readonly notes = new Map<Action, string>();

  constructor(
    private readonly ctx: ExecutionContext,
    knownGroups: ReadonlyArray<{ vpcId: string; role: "empty" | "transition"; groupId: string }>,
  ) {
    for (const g of knownGroups) this.groups.set(groupKey(g.vpcId, g.role), g.groupId);
  }

  async runPhases(actions: readonly Action[], phases: ReadonlyArray<Phase | readonly Phase[]>): Promise<StepResult[]> {
    const results: StepResult[] = [];
    for (const phase of phases) {
      const together: readonly Phase[] = typeof phase === "string" ? [phase] : phase;
      const batch = actions.filter((a) => together.includes(phaseOf(a)));
      results.push(...(await Promise.all(batch.map((a) => this.run(a)))));
    }
    return results;
  }

  async run(action: Action): Promise<StepResult> {
    const subject = subjectOf(action, this.ctx.instanceId);
    try {
      const produced = await this.perform(action);
      const note = this.notes.get(action);
      return { step: action.step, subject, ok: true, ...(produced && produced.length > 0 ? { produced } : {}), ...(note ? { note } : {}) };
    } catch (err) {
      return { step: action.step, subject, ok: false, error: describeError(err) };
    }
  }

  private get autoScaling() {
    return this.ctx.clients.client(AutoScalingClient, this.ctx.target);
  }

  /**
   * Puts the instance out of Auto Scaling's reach before the cut, by the first way that works: detach (a replacement
   * launches), Standby (the same, the instance stays a member), or scale-in protection with health-check replacement
   * and rebalancing suspended. Throws when none holds: the cut must then wait for a retry.
   */
  private async holdOutsideAutoScaling(action: Extract<Action, { step: "detach-asg" }>): Promise<AsgHold> {
    const AutoScalingGroupName = action.autoScalingGroupName;
    const InstanceIds = [this.ctx.instanceId];
    const attempts: string[] = [];
    const ways: Array<[AsgHold, () => Promise<unknown>]> = [
      ["detached", () => this.autoScaling.send(new DetachInstancesCommand({ AutoScalingGroupName, InstanceIds, ShouldDecrementDesiredCapacity: false }))],
      ["standby", () => this.autoScaling.send(new EnterStandbyCommand({ AutoScalingGroupName, InstanceIds, ShouldDecrementDesiredCapacity: false }))],
      [
        "protected",
        async () => {
          await this.autoScaling.send(new SetInstanceProtectionCommand({ AutoScalingGroupName, InstanceIds, ProtectedFromScaleIn: true }));
          // On record before the suspension: a release of another instance of the group then leaves the processes suspended.
          await this.ctx.ledger.addGroupHolder(this.ctx.target, AutoScalingGroupName, this.ctx.instanceId, Date.parse(this.ctx.nowIso));
          await this.autoScaling.send(new SuspendProcessesCommand({ AutoScalingGroupName, ScalingProcesses: HOLD_SUSPENDED_PROCESSES }));
        },
      ],
    ];
    for (const [hold, attempt] of ways) {
      try {
        await attempt();
        if (attempts.length > 0) this.notes.set(action, `held by ${hold} after: ${attempts.join("; ")}`);
        return hold;
      } catch (err) {
        attempts.push(`${hold}: ${describeError(err)}`);
      }
    }
    throw new FallbacksExhausted(attempts);
  }

  /**
   * Resumes the group's suspended processes only when this instance was their last holder; otherwise they stay
   * suspended for the others (named in the report). A failed resume fails the step: the release is retried, and the
   * retry, finding no holder left, resumes again.
   */
  private async releaseGroupHold(action: Extract<Action, { step: "unprotect-asg" | "lift-group-hold" }>): Promise<void> {
    const { ledger, target, instanceId } = this.ctx;
    const group = action.autoScalingGroupName;
    const now = Date.parse(this.ctx.nowIso);
    let hold = await ledger.removeGroupHolders(target, group, [instanceId], now);
    let gone: string[] = [];
    if (!hold.resume) {
      // A holder that left the group without a release (terminated after forensics, detached by hand) holds nothing.
      const members = await this.groupMembers(group, hold.remaining);
      gone = hold.remaining.filter((id) => !members.has(id));
      if (gone.length > 0) hold = await ledger.removeGroupHolders(target, group, gone, now);
    }
    const pruned = gone.length > 0 ? `; no longer in the group, so no longer holding it: ${gone.join(", ")}` : "";
    if (!hold.resume) {
      this.notes.set(action, `${HOLD_SUSPENDED_PROCESSES.join(", ")} stay suspended for ${hold.remaining.join(", ")}, still held in ${group}${pruned}`);
      return;
    }
    if (pruned) this.notes.set(action, `resumed${pruned}`);
    await this.autoScaling.send(new ResumeProcessesCommand({ AutoScalingGroupName: group, ScalingProcesses: HOLD_SUSPENDED_PROCESSES }));
    await ledger.resumed(target, group, hold.lease);
  }

  /** Which of these instances are members of the group now (Auto Scaling answers at most 50 ids per call). */
  private async groupMembers(group: string, instanceIds: readonly string[]): Promise<Set<string>> {
    const members = new Set<string>();
    for (let i = 0; i < instanceIds.length; i += 50) {
      const out = await this.autoScaling.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: instanceIds.slice(i, i + 50) }));
      for (const a of out.AutoScalingInstances ?? []) {
        if (a.InstanceId && a.AutoScalingGroupName === group && !a.LifecycleState?.startsWith("Terminat")) members.add(a.InstanceId);
      }
    }
    return members;
  }

  private get ec2() {
    return this.ctx.clients.client(EC2Client, this.ctx.target);
  }

  private async perform(action: Action): Promise<string[] | void> {
    const { instanceId } = this.ctx;
    const ec2 = this.ec2;
    switch (action.step) {
      case "preserve-evidence":
        await ec2.send(
          new ModifyInstanceAttributeCommand(
            action.attribute === "disableApiTermination"
              ? { InstanceId: instanceId, DisableApiTermination: { Value: true } }
              : { InstanceId: instanceId, InstanceInitiatedShutdownBehavior: { Value: "stop" } },
          ),
        );
        return;
      case "preserve-volumes":
        await ec2.send(
          new ModifyInstanceAttributeCommand({
            InstanceId: instanceId,
            BlockDeviceMappings: action.deviceNames.map((DeviceName) => ({ DeviceName, Ebs: { DeleteOnTermination: false } })),
          }),
        );
        return;
      case "tag":
        await ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: Object.entries(action.tags).map(([Key, Value]) => ({ Key, Value })) }));
        return;
      case "detach-asg":
        return [await this.holdOutsideAutoScaling(action)];
      case "exit-standby":
        await this.autoScaling.send(new ExitStandbyCommand({ AutoScalingGroupName: action.autoScalingGroupName, InstanceIds: [instanceId] }));
        return;
      case "unprotect-asg":
        await this.autoScaling.send(new SetInstanceProtectionCommand({ AutoScalingGroupName: action.autoScalingGroupName, InstanceIds: [instanceId], ProtectedFromScaleIn: false }));
        await this.releaseGroupHold(action);
        return;
      case "lift-group-hold":
        await this.releaseGroupHold(action);
        return;
      case "attach-asg":
        await this.autoScaling.send(new AttachInstancesCommand({ AutoScalingGroupName: action.autoScalingGroupName, InstanceIds: [instanceId] }));
        return;
      case "deregister-target":
        await this.ctx.clients
          .client(ElasticLoadBalancingV2Client, this.ctx.target)
          .send(new DeregisterTargetsCommand({ TargetGroupArn: action.target.targetGroupArn, Targets: [{ Id: action.target.id, Port: action.target.port }] }));
        return;
      case "register-target":
        await this.ctx.clients.client(ElasticLoadBalancingV2Client, this.ctx.target).send(
          new RegisterTargetsCommand({
            TargetGroupArn: action.target.targetGroupArn,
            Targets: [{ Id: action.target.id, Port: action.target.port, AvailabilityZone: action.target.availabilityZone }],
          }),
        );
        return;
      case "prepare-isolation-group":
        return [await this.prepareGroup(action)];
      case "cut-transition":
      case "cut-isolate": {
        const role = action.step === "cut-transition" ? "transition" : "empty";
        const groupId = this.groups.get(groupKey(action.vpcId, role));
        if (!groupId) throw new Error(`no ${role} isolation group is available in ${action.vpcId}`);
        await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: action.networkInterfaceId, Groups: [groupId] }));
        return;
      }
      case "restore-groups":
        await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: action.networkInterfaceId, Groups: [...action.groupIds] }));
        return;
      case "disassociate-eip":
        await ec2.send(new DisassociateAddressCommand({ AssociationId: action.associationId }));
        return;
      case "associate-eip":
        await ec2.send(
          new AssociateAddressCommand({
            AllocationId: action.address.allocationId,
            ...(action.address.networkInterfaceId
              ? { NetworkInterfaceId: action.address.networkInterfaceId, PrivateIpAddress: action.address.privateIpAddress }
              : { InstanceId: instanceId }),
            AllowReassociation: false,
          }),
        );
        return;
      case "replace-profile":
        if (action.associationId) {
          await ec2.send(new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: action.associationId, IamInstanceProfile: { Name: action.profileName } }));
        } else {
          await ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Name: action.profileName } }));
        }
        return;
      case "restore-profile":
        if (action.instanceProfileArn && action.associationId) {
          await ec2.send(new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: action.associationId, IamInstanceProfile: { Arn: action.instanceProfileArn } }));
        } else if (action.instanceProfileArn) {
          await ec2.send(new AssociateIamInstanceProfileCommand({ InstanceId: instanceId, IamInstanceProfile: { Arn: action.instanceProfileArn } }));
        } else if (action.associationId) {
          await ec2.send(new DisassociateIamInstanceProfileCommand({ AssociationId: action.associationId }));
        }
        return;
      case "restore-attributes": {
        const calls = [
          ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: action.disableApiTermination } })),
          ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, InstanceInitiatedShutdownBehavior: { Value: action.shutdownBehavior } })),
        ];
        if (action.volumes.length > 0) {
          calls.push(
            ec2.send(
              new ModifyInstanceAttributeCommand({
                InstanceId: instanceId,
                BlockDeviceMappings: action.volumes.map((v) => ({ DeviceName: v.deviceName, Ebs: { DeleteOnTermination: v.deleteOnTermination } })),
              }),
            ),
          );
        }
        await Promise.all(calls);
        return;
      }
      case "revoke-sessions":
        await this.revokeSessions(action.instanceProfileArn);
        return;
      case "snapshot": {
        const out = await ec2.send(
          new CreateSnapshotsCommand({
            InstanceSpecification: { InstanceId: instanceId, ExcludeBootVolume: false },
            Description: `Kamae isolation evidence of ${instanceId}`,
            CopyTagsFromSource: "volume",
            TagSpecifications: [
              {
                ResourceType: "snapshot",
                Tags: [
                  { Key: "kamae:evidence-of", Value: instanceId },
                  { Key: "kamae:finding-id", Value: this.ctx.findingId },
                  { Key: "kamae:isolated-at", Value: this.ctx.nowIso },
                ],
              },
            ],
          }),
        );
        return (out.Snapshots ?? []).map((s) => s.SnapshotId!).filter(Boolean);
      }
    }
  }

  /** Finds or creates one isolation group, and makes its rules exactly right (none, or allow-all in both directions). */
  private async prepareGroup(action: Extract<Action, { step: "prepare-isolation-group" }>): Promise<string> {
    const ec2 = this.ec2;
    let group = action.existing;
    if (!group) {
      const name = `kamae-isolation-${action.role}-${action.vpcId}`;
      try {
        const created = await ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: name,
            VpcId: action.vpcId,
            Description:
              action.role === "empty"
                ? "Kamae isolation: no rules, no traffic in or out"
                : "Kamae isolation transition: allow-all so tracked flows become untracked before the cut",
            TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: ISOLATION_GROUP_TAG, Value: action.role }, { Key: "Name", Value: name }] }],
          }),
        );
        // A new group comes with an allow-all IPv4 egress rule.
        group = { groupId: created.GroupId!, vpcId: action.vpcId, role: action.role, ingress: [], egress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] };
      } catch (err) {
        // Another invocation created it a moment ago: use that one.
        if ((err as Error).name !== "InvalidGroup.Duplicate") throw err;
        const found = await ec2.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [action.vpcId] }, { Name: "group-name", Values: [name] }] }),
        );
        const g = found.SecurityGroups?.[0];
        if (!g?.GroupId) throw err;
        group = { groupId: g.GroupId, vpcId: action.vpcId, role: action.role, ingress: (g.IpPermissions ?? []) as never[], egress: (g.IpPermissionsEgress ?? []) as never[] };
      }
    }
    const GroupId = group.groupId;
    const calls: Promise<unknown>[] = [];
    if (action.role === "empty") {
      if (group.ingress.length > 0) calls.push(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions: group.ingress as unknown as Ec2IpPermission[] })));
      if (group.egress.length > 0) calls.push(ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId, IpPermissions: group.egress as unknown as Ec2IpPermission[] })));
    } else {
      const ignoreDuplicate = (err: unknown) => {
        if ((err as Error).name !== "InvalidPermission.Duplicate") throw err;
      };
      const ingress = missingAllTraffic(group.ingress);
      const egress = missingAllTraffic(group.egress);
      if (ingress.length > 0) calls.push(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: ingress })).catch(ignoreDuplicate));
      if (egress.length > 0) calls.push(ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId, IpPermissions: egress })).catch(ignoreDuplicate));
    }
    await Promise.all(calls);
    this.groups.set(groupKey(action.vpcId, action.role), GroupId);
    return GroupId;
  }

  private async revokeSessions(instanceProfileArn: string): Promise<void> {
    const iam = this.ctx.clients.client(IAMClient, this.ctx.target);
    const profileName = instanceProfileArn.split("/").pop()!;
    const profile = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }));
    const role = profile.InstanceProfile?.Roles?.[0]?.RoleName;
    if (!role) throw new Error(`instance profile ${profileName} has no role`);
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: role,
        PolicyName: REVOKE_POLICY_NAME,
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { DateLessThan: { "aws:TokenIssueTime": this.ctx.nowIso } } }],
        }),
      }),
    );
  }
}
