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
import * as ec2 from "@aws-sdk/client-ec2";
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetInstanceProfileCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { AwsStub, mockClient } from "aws-sdk-client-mock";
import { AUTO_SCALING_GROUP_TAG } from "../../components/shared/runtime/tags";
import { awsError } from "../harness/aws";
import { refusePublish } from "../harness/sns";

/**
 * A stateful fake of the parts of EC2, Auto Scaling, ELBv2, IAM, SNS and DynamoDB that isolation uses. It keeps the
 * resources' state and enforces the APIs' rules (not-found errors, duplicate groups and rules, one attribute per
 * ModifyInstanceAttribute, security groups of the ENI's VPC, conditional writes and transactions, SNS limits), logs
 * every call in order, can fail chosen calls, and can add latency per call (for the benchmark).
 */

export interface FakeRule {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: Array<{ CidrIp: string }>;
  Ipv6Ranges?: Array<{ CidrIpv6: string }>;
}
export interface FakeGroup {
  id: string;
  name: string;
  vpcId: string;
  tags: Record<string, string>;
  ingress: FakeRule[];
  egress: FakeRule[];
}
export interface FakeEni {
  id: string;
  vpcId: string;
  groups: string[];
  privateIps: string[];
  deviceIndex: number;
}
export interface FakeInstance {
  id: string;
  state: string;
  tags: Record<string, string>;
  enis: FakeEni[];
  profile?: { associationId: string; arn: string };
  disableApiTermination: boolean;
  shutdownBehavior: string;
  volumes: Array<{ deviceName: string; volumeId: string; deleteOnTermination: boolean }>;
}
export interface FakeAddress {
  allocationId: string;
  publicIp: string;
  associationId?: string;
  instanceId?: string;
  eniId?: string;
  privateIp?: string;
}
export interface FakeAsg {
  name: string;
  instances: string[];
  desired: number;
  min: number;
  max: number;
  targetGroupArns: string[];
  /** Instances in Standby (kept in the group, out of health checks and scale-in). */
  standby?: string[];
  /** Instances protected from scale-in. */
  protectedIds?: string[];
  /** Suspended scaling processes. */
  suspended?: string[];
}
export interface FakeTargetGroup {
  arn: string;
  vpcId: string;
  targetType: "instance" | "ip" | "lambda";
  port: number;
  targets: Array<{ id: string; port: number; state: "initial" | "healthy" | "unhealthy" | "draining" }>;
}
export interface CallRecord {
  seq: number;
  op: string;
  input: any;
  startedMs: number;
  endedMs?: number;
  failed?: boolean;
}

export const ACCOUNT = "111122223333";
export const REGION = "us-east-1";
export const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:kamae-isolation-reports`;

type Failure = (input: any) => Error | undefined;

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export class FakeAws {
  instances = new Map<string, FakeInstance>();
  groups = new Map<string, FakeGroup>();
  addresses: FakeAddress[] = [];
  asgs = new Map<string, FakeAsg>();
  targetGroups = new Map<string, FakeTargetGroup>();
  profiles = new Map<string, { arn: string; roleName: string }>();
  rolePolicies = new Map<string, Record<string, string>>();
  snapshots: Array<{ id: string; volumeId: string; tags: Record<string, string> }> = [];
  table = new Map<string, Record<string, any>>();
  published: Array<{ subject?: string; message: any }> = [];
  topics = new Set<string>([TOPIC_ARN]);
  calls: CallRecord[] = [];
  latencyMs = 0;
  private failures = new Map<string, Failure>();
  private holds = new Map<string, (input: any) => Promise<unknown> | undefined>();
  private counter = 0;
  /** The SDK stubs, whose calls the least-privilege test reads. */
  readonly stubs: AwsStub<any, any, any>[] = [];
  private readonly start = Date.now();

  /** Delays every call of `op` until the promise `hold` returns for its input settles (to interleave two runs). */
  holdWhen(op: string, hold: (input: any) => Promise<unknown> | undefined): void {
    this.holds.set(op, hold);
  }

  /** Makes every call of `op` fail when `failure` returns an error for its input. */
  failWhen(op: string, failure: Failure): void {
    this.failures.set(op, failure);
  }

  id(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter.toString(16).padStart(17, "0")}`;
  }

  ops(name?: string): CallRecord[] {
    return this.calls.filter((c) => name === undefined || c.op === name);
  }

  /** The writes (anything that is not Describe/Get), in order. */
  writes(): CallRecord[] {
    return this.calls.filter((c) => !/^(Describe|Get)/.test(c.op));
  }

  install(): this {
    const wrap =
      <I>(op: string, fn: (input: I) => any) =>
      async (input: I) => {
        const record: CallRecord = { seq: this.calls.length, op, input: clone(input), startedMs: Date.now() - this.start };
        this.calls.push(record);
        if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
        await this.holds.get(op)?.(input);
        try {
          const injected = this.failures.get(op)?.(input);
          if (injected) throw injected;
          return fn.call(this, input);
        } catch (err) {
          record.failed = true;
          throw err;
        } finally {
          record.endedMs = Date.now() - this.start;
        }
      };
    const e = mockClient(ec2.EC2Client);
    e.on(ec2.DescribeInstancesCommand).callsFake(wrap("DescribeInstances", this.describeInstances));
    e.on(ec2.DescribeInstanceAttributeCommand).callsFake(wrap("DescribeInstanceAttribute", this.describeInstanceAttribute));
    e.on(ec2.DescribeAddressesCommand).callsFake(wrap("DescribeAddresses", this.describeAddresses));
    e.on(ec2.DescribeIamInstanceProfileAssociationsCommand).callsFake(wrap("DescribeIamInstanceProfileAssociations", this.describeProfileAssociations));
    e.on(ec2.DescribeSecurityGroupsCommand).callsFake(wrap("DescribeSecurityGroups", this.describeSecurityGroups));
    e.on(ec2.CreateSecurityGroupCommand).callsFake(wrap("CreateSecurityGroup", this.createSecurityGroup));
    e.on(ec2.AuthorizeSecurityGroupIngressCommand).callsFake(wrap("AuthorizeSecurityGroupIngress", (i: any) => this.authorize(i, "ingress")));
    e.on(ec2.AuthorizeSecurityGroupEgressCommand).callsFake(wrap("AuthorizeSecurityGroupEgress", (i: any) => this.authorize(i, "egress")));
    e.on(ec2.RevokeSecurityGroupIngressCommand).callsFake(wrap("RevokeSecurityGroupIngress", (i: any) => this.revoke(i, "ingress")));
    e.on(ec2.RevokeSecurityGroupEgressCommand).callsFake(wrap("RevokeSecurityGroupEgress", (i: any) => this.revoke(i, "egress")));
    e.on(ec2.ModifyNetworkInterfaceAttributeCommand).callsFake(wrap("ModifyNetworkInterfaceAttribute", this.modifyEni));
    e.on(ec2.ModifyInstanceAttributeCommand).callsFake(wrap("ModifyInstanceAttribute", this.modifyInstanceAttribute));
    e.on(ec2.CreateTagsCommand).callsFake(wrap("CreateTags", this.createTags));
    e.on(ec2.DisassociateAddressCommand).callsFake(wrap("DisassociateAddress", this.disassociateAddress));
    e.on(ec2.AssociateAddressCommand).callsFake(wrap("AssociateAddress", this.associateAddress));
    e.on(ec2.ReplaceIamInstanceProfileAssociationCommand).callsFake(wrap("ReplaceIamInstanceProfileAssociation", this.replaceProfile));
    e.on(ec2.AssociateIamInstanceProfileCommand).callsFake(wrap("AssociateIamInstanceProfile", this.associateProfile));
    e.on(ec2.DisassociateIamInstanceProfileCommand).callsFake(wrap("DisassociateIamInstanceProfile", this.disassociateProfile));
    e.on(ec2.CreateSnapshotsCommand).callsFake(wrap("CreateSnapshots", this.createSnapshots));
    const a = mockClient(AutoScalingClient);
    a.on(DescribeAutoScalingInstancesCommand).callsFake(wrap("DescribeAutoScalingInstances", this.describeAsgInstances));
    a.on(DetachInstancesCommand).callsFake(wrap("DetachInstances", this.detachInstances));
    a.on(AttachInstancesCommand).callsFake(wrap("AttachInstances", this.attachInstances));
    a.on(EnterStandbyCommand).callsFake(wrap("EnterStandby", this.enterStandby));
    a.on(ExitStandbyCommand).callsFake(wrap("ExitStandby", this.exitStandby));
    a.on(SetInstanceProtectionCommand).callsFake(wrap("SetInstanceProtection", this.setInstanceProtection));
    a.on(SuspendProcessesCommand).callsFake(wrap("SuspendProcesses", (i: any) => this.processes(i, true)));
    a.on(ResumeProcessesCommand).callsFake(wrap("ResumeProcesses", (i: any) => this.processes(i, false)));
    const l = mockClient(ElasticLoadBalancingV2Client);
    l.on(DescribeTargetGroupsCommand).callsFake(wrap("DescribeTargetGroups", this.describeTargetGroups));
    l.on(DescribeTargetHealthCommand).callsFake(wrap("DescribeTargetHealth", this.describeTargetHealth));
    l.on(DeregisterTargetsCommand).callsFake(wrap("DeregisterTargets", this.deregisterTargets));
    l.on(RegisterTargetsCommand).callsFake(wrap("RegisterTargets", this.registerTargets));
    const i = mockClient(IAMClient);
    i.on(GetInstanceProfileCommand).callsFake(wrap("GetInstanceProfile", this.getInstanceProfile));
    i.on(PutRolePolicyCommand).callsFake(wrap("PutRolePolicy", this.putRolePolicy));
    const s = mockClient(SNSClient);
    s.on(PublishCommand).callsFake(wrap("Publish", this.publish));
    const d = mockClient(DynamoDBDocumentClient);
    d.on(GetCommand).callsFake(wrap("GetItem", this.getItem));
    d.on(PutCommand).callsFake(wrap("PutItem", this.putItem));
    d.on(TransactWriteCommand).callsFake(wrap("TransactWriteItems", this.transactWrite));
    this.stubs.push(e, a, l, i, s, d);
    return this;
  }

  restore(): void {
    for (const s of this.stubs) s.restore();
  }

  // ---- EC2 ----
  private instance(id: string): FakeInstance {
    if (!/^i-[0-9a-f]{8,17}$/.test(id ?? "")) throw awsError("InvalidInstanceID.Malformed", `Invalid id: "${id}"`);
    const inst = this.instances.get(id);
    if (!inst) throw awsError("InvalidInstanceID.NotFound", `The instance ID '${id}' does not exist`);
    return inst;
  }

  private describeInstances(input: ec2.DescribeInstancesCommandInput) {
    const instances = (input.InstanceIds ?? []).map((id) => this.instance(id));
    return {
      Reservations: [
        {
          Instances: instances.map((i) => ({
            InstanceId: i.id,
            State: { Name: i.state },
            VpcId: i.enis[0]?.vpcId,
            Tags: Object.entries(i.tags).map(([Key, Value]) => ({ Key, Value })),
            IamInstanceProfile: i.profile ? { Arn: i.profile.arn } : undefined,
            NetworkInterfaces: i.enis.map((n) => ({
              NetworkInterfaceId: n.id,
              VpcId: n.vpcId,
              Attachment: { DeviceIndex: n.deviceIndex },
              Groups: n.groups.map((g) => ({ GroupId: g, GroupName: this.groups.get(g)?.name })),
              PrivateIpAddresses: n.privateIps.map((PrivateIpAddress) => ({ PrivateIpAddress })),
            })),
            BlockDeviceMappings: i.volumes.map((v) => ({ DeviceName: v.deviceName, Ebs: { VolumeId: v.volumeId, DeleteOnTermination: v.deleteOnTermination } })),
          })),
        },
      ],
    };
  }

  private describeInstanceAttribute(input: ec2.DescribeInstanceAttributeCommandInput) {
    const i = this.instance(input.InstanceId!);
    if (input.Attribute === "disableApiTermination") return { InstanceId: i.id, DisableApiTermination: { Value: i.disableApiTermination } };
    if (input.Attribute === "instanceInitiatedShutdownBehavior") return { InstanceId: i.id, InstanceInitiatedShutdownBehavior: { Value: i.shutdownBehavior } };
    throw awsError("InvalidParameterValue", `unsupported attribute ${input.Attribute}`);
  }

  private filterValues(filters: ec2.Filter[] | undefined, name: string): string[] | undefined {
    return filters?.find((f) => f.Name === name)?.Values;
  }

  private describeAddresses(input: ec2.DescribeAddressesCommandInput) {
    const ids = this.filterValues(input.Filters, "instance-id");
    return {
      Addresses: this.addresses
        .filter((a) => !ids || (a.instanceId && ids.includes(a.instanceId)))
        .map((a) => ({ AllocationId: a.allocationId, PublicIp: a.publicIp, AssociationId: a.associationId, InstanceId: a.instanceId, NetworkInterfaceId: a.eniId, PrivateIpAddress: a.privateIp, Domain: "vpc" })),
    };
  }

  private describeProfileAssociations(input: ec2.DescribeIamInstanceProfileAssociationsCommandInput) {
    const ids = this.filterValues(input.Filters, "instance-id");
    return {
      IamInstanceProfileAssociations: [...this.instances.values()]
        .filter((i) => i.profile && (!ids || ids.includes(i.id)))
        .map((i) => ({ AssociationId: i.profile!.associationId, InstanceId: i.id, IamInstanceProfile: { Arn: i.profile!.arn }, State: "associated" })),
    };
  }

  private describeSecurityGroups(input: ec2.DescribeSecurityGroupsCommandInput) {
    const vpcs = this.filterValues(input.Filters, "vpc-id");
    const names = this.filterValues(input.Filters, "group-name");
    const tagFilters = (input.Filters ?? []).filter((f) => f.Name?.startsWith("tag:"));
    const groups = [...this.groups.values()].filter(
      (g) =>
        (!vpcs || vpcs.includes(g.vpcId)) &&
        (!names || names.includes(g.name)) &&
        (!input.GroupIds || input.GroupIds.includes(g.id)) &&
        tagFilters.every((f) => (f.Values ?? []).includes(g.tags[f.Name!.slice(4)])),
    );
    return {
      SecurityGroups: groups.map((g) => ({
        GroupId: g.id,
        GroupName: g.name,
        VpcId: g.vpcId,
        Tags: Object.entries(g.tags).map(([Key, Value]) => ({ Key, Value })),
        IpPermissions: clone(g.ingress),
        IpPermissionsEgress: clone(g.egress),
      })),
    };
  }

  addGroup(vpcId: string, name: string, tags: Record<string, string> = {}, rules: { ingress?: FakeRule[]; egress?: FakeRule[] } = {}): FakeGroup {
    const g: FakeGroup = { id: this.id("sg"), name, vpcId, tags, ingress: rules.ingress ?? [], egress: rules.egress ?? [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] };
    this.groups.set(g.id, g);
    return g;
  }

  private createSecurityGroup(input: ec2.CreateSecurityGroupCommandInput) {
    if (!input.GroupName || !input.Description || !input.VpcId) throw awsError("MissingParameter", "GroupName, Description and VpcId are required");
    if ([...this.groups.values()].some((g) => g.vpcId === input.VpcId && g.name === input.GroupName)) {
      throw awsError("InvalidGroup.Duplicate", `The security group '${input.GroupName}' already exists for VPC '${input.VpcId}'`);
    }
    const tags = Object.fromEntries((input.TagSpecifications ?? []).flatMap((s) => s.Tags ?? []).map((t) => [t.Key!, t.Value ?? ""]));
    const g = this.addGroup(input.VpcId, input.GroupName, tags);
    return { GroupId: g.id };
  }

  private group(id: string): FakeGroup {
    const g = this.groups.get(id);
    if (!g) throw awsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
    return g;
  }

  /** Splits permissions into one rule per range, the unit in which EC2 stores and compares them. */
  private static units(perms: FakeRule[]): string[] {
    return perms.flatMap((p) => [
      ...(p.IpRanges ?? []).map((r) => `${p.IpProtocol}/${p.FromPort ?? ""}/${p.ToPort ?? ""}/${r.CidrIp}`),
      ...(p.Ipv6Ranges ?? []).map((r) => `${p.IpProtocol}/${p.FromPort ?? ""}/${p.ToPort ?? ""}/${r.CidrIpv6}`),
    ]);
  }

  private authorize(input: any, direction: "ingress" | "egress") {
    const g = this.group(input.GroupId);
    const existing = new Set(FakeAws.units(g[direction]));
    const added = FakeAws.units(input.IpPermissions ?? []);
    if (added.length === 0) throw awsError("MissingParameter", "no permissions");
    if (added.some((u) => existing.has(u))) throw awsError("InvalidPermission.Duplicate", "the specified rule already exists");
    g[direction].push(...clone(input.IpPermissions as FakeRule[]));
    return { Return: true };
  }

  private revoke(input: any, direction: "ingress" | "egress") {
    const g = this.group(input.GroupId);
    const removing = new Set(FakeAws.units(input.IpPermissions ?? []));
    const existing = new Set(FakeAws.units(g[direction]));
    if ([...removing].some((u) => !existing.has(u))) throw awsError("InvalidPermission.NotFound", "the specified rule does not exist in this security group");
    g[direction] = g[direction]
      .map((p) => ({
        ...p,
        IpRanges: (p.IpRanges ?? []).filter((r) => !removing.has(`${p.IpProtocol}/${p.FromPort ?? ""}/${p.ToPort ?? ""}/${r.CidrIp}`)),
        Ipv6Ranges: (p.Ipv6Ranges ?? []).filter((r) => !removing.has(`${p.IpProtocol}/${p.FromPort ?? ""}/${p.ToPort ?? ""}/${r.CidrIpv6}`)),
      }))
      .filter((p) => p.IpRanges.length > 0 || p.Ipv6Ranges.length > 0);
    return { Return: true };
  }

  private eni(id: string): { inst: FakeInstance; eni: FakeEni } {
    for (const inst of this.instances.values()) {
      const eni = inst.enis.find((n) => n.id === id);
      if (eni) return { inst, eni };
    }
    throw awsError("InvalidNetworkInterfaceID.NotFound", `The networkInterface ID '${id}' does not exist`);
  }

  private modifyEni(input: ec2.ModifyNetworkInterfaceAttributeCommandInput) {
    const { eni } = this.eni(input.NetworkInterfaceId!);
    if (!input.Groups || input.Groups.length === 0) throw awsError("MissingParameter", "Groups is required");
    for (const id of input.Groups) {
      if (this.group(id).vpcId !== eni.vpcId) throw awsError("InvalidGroup.NotFound", `security group ${id} is not in ${eni.vpcId}`);
    }
    eni.groups = [...input.Groups];
    return {};
  }

  private modifyInstanceAttribute(input: ec2.ModifyInstanceAttributeCommandInput) {
    const i = this.instance(input.InstanceId!);
    const given = ["DisableApiTermination", "InstanceInitiatedShutdownBehavior", "BlockDeviceMappings", "Groups", "Attribute"].filter((k) => (input as any)[k] !== undefined);
    if (given.length !== 1) throw awsError("InvalidParameterCombination", "Fields for multiple attribute types specified");
    if (input.DisableApiTermination) i.disableApiTermination = input.DisableApiTermination.Value!;
    if (input.InstanceInitiatedShutdownBehavior) {
      const v = input.InstanceInitiatedShutdownBehavior.Value!;
      if (v !== "stop" && v !== "terminate") throw awsError("InvalidParameterValue", `invalid shutdown behavior ${v}`);
      i.shutdownBehavior = v;
    }
    for (const m of input.BlockDeviceMappings ?? []) {
      const v = i.volumes.find((x) => x.deviceName === m.DeviceName);
      if (!v) throw awsError("InvalidInstanceAttributeValue", `No device is currently mapped at ${m.DeviceName}`);
      v.deleteOnTermination = m.Ebs!.DeleteOnTermination!;
    }
    return {};
  }

  private createTags(input: ec2.CreateTagsCommandInput) {
    for (const t of input.Tags ?? []) {
      if (!t.Key || t.Key.length > 128 || (t.Value ?? "").length > 256) throw awsError("InvalidParameterValue", `invalid tag ${t.Key}`);
    }
    for (const id of input.Resources ?? []) {
      const target = id.startsWith("i-") ? this.instance(id).tags : this.group(id).tags;
      for (const t of input.Tags ?? []) target[t.Key!] = t.Value ?? "";
    }
    return {};
  }

  private disassociateAddress(input: ec2.DisassociateAddressCommandInput) {
    if (!/^eipassoc-[0-9a-f]+$/.test(input.AssociationId ?? "")) throw awsError("InvalidAssociationID.Malformed", `Invalid association ID: '${input.AssociationId}'`);
    // Documented as idempotent: an association that no longer exists is not an error.
    const a = this.addresses.find((x) => x.associationId === input.AssociationId);
    if (!a) return {};
    delete a.associationId;
    delete a.instanceId;
    delete a.eniId;
    delete a.privateIp;
    return {};
  }

  private associateAddress(input: ec2.AssociateAddressCommandInput) {
    const a = this.addresses.find((x) => x.allocationId === input.AllocationId);
    if (!a) throw awsError("InvalidAllocationID.NotFound", `The allocation ID '${input.AllocationId}' does not exist`);
    if (a.associationId && !input.AllowReassociation) throw awsError("Resource.AlreadyAssociated", `${a.publicIp} is already associated`);
    const { inst, eni } = input.NetworkInterfaceId ? this.eni(input.NetworkInterfaceId) : { inst: this.instance(input.InstanceId!), eni: undefined };
    const e = eni ?? inst.enis.find((n) => n.deviceIndex === 0)!;
    Object.assign(a, { associationId: this.id("eipassoc"), instanceId: inst.id, eniId: e.id, privateIp: input.PrivateIpAddress ?? e.privateIps[0] });
    return { AssociationId: a.associationId };
  }

  private profileNamed(spec: ec2.IamInstanceProfileSpecification | undefined): string {
    const name = spec?.Name ?? spec?.Arn?.split("/").pop();
    const p = name ? this.profiles.get(name) : undefined;
    if (!p) throw awsError("InvalidParameterValue", `Value (${spec?.Name ?? spec?.Arn}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`);
    return p.arn;
  }

  private replaceProfile(input: ec2.ReplaceIamInstanceProfileAssociationCommandInput) {
    const inst = [...this.instances.values()].find((i) => i.profile?.associationId === input.AssociationId);
    if (!inst) throw awsError("InvalidAssociationID.NotFound", `association ${input.AssociationId} does not exist`);
    inst.profile = { associationId: this.id("iip-assoc"), arn: this.profileNamed(input.IamInstanceProfile) };
    return { IamInstanceProfileAssociation: { AssociationId: inst.profile.associationId } };
  }

  private associateProfile(input: ec2.AssociateIamInstanceProfileCommandInput) {
    const inst = this.instance(input.InstanceId!);
    if (inst.profile) throw awsError("IncorrectState", `There is an existing association for instance ${inst.id}`);
    inst.profile = { associationId: this.id("iip-assoc"), arn: this.profileNamed(input.IamInstanceProfile) };
    return { IamInstanceProfileAssociation: { AssociationId: inst.profile.associationId } };
  }

  private disassociateProfile(input: ec2.DisassociateIamInstanceProfileCommandInput) {
    const inst = [...this.instances.values()].find((i) => i.profile?.associationId === input.AssociationId);
    if (!inst) throw awsError("InvalidAssociationID.NotFound", `association ${input.AssociationId} does not exist`);
    delete inst.profile;
    return {};
  }

  private createSnapshots(input: ec2.CreateSnapshotsCommandInput) {
    const inst = this.instance(input.InstanceSpecification!.InstanceId!);
    const tags = Object.fromEntries((input.TagSpecifications ?? []).flatMap((s) => s.Tags ?? []).map((t) => [t.Key!, t.Value ?? ""]));
    const made = inst.volumes.map((v) => ({ id: this.id("snap"), volumeId: v.volumeId, tags }));
    this.snapshots.push(...made);
    return { Snapshots: made.map((s) => ({ SnapshotId: s.id, VolumeId: s.volumeId })) };
  }

  // ---- Auto Scaling ----
  private describeAsgInstances(input: { InstanceIds?: string[] }) {
    return {
      AutoScalingInstances: [...this.asgs.values()].flatMap((g) =>
        g.instances.filter((id) => (input.InstanceIds ?? []).includes(id)).map((id) => ({
          InstanceId: id,
          AutoScalingGroupName: g.name,
          LifecycleState: g.standby?.includes(id) ? "Standby" : "InService",
          ProtectedFromScaleIn: g.protectedIds?.includes(id) ?? false,
        })),
      ),
    };
  }

  private asg(name: string): FakeAsg {
    const g = this.asgs.get(name);
    if (!g) throw awsError("ValidationError", `AutoScalingGroup name not found - ${name}`);
    return g;
  }

  private detachInstances(input: { AutoScalingGroupName?: string; InstanceIds?: string[]; ShouldDecrementDesiredCapacity?: boolean }) {
    if (input.ShouldDecrementDesiredCapacity === undefined) throw awsError("ValidationError", "ShouldDecrementDesiredCapacity is required");
    const g = this.asg(input.AutoScalingGroupName!);
    for (const id of input.InstanceIds ?? []) {
      if (!g.instances.includes(id)) throw awsError("ValidationError", `The instance ${id} is not part of Auto Scaling group ${g.name}.`);
    }
    if (input.ShouldDecrementDesiredCapacity && g.desired - (input.InstanceIds ?? []).length < g.min) {
      throw awsError("ValidationError", "Desired capacity would fall below the group's minimum size");
    }
    g.instances = g.instances.filter((id) => !(input.InstanceIds ?? []).includes(id));
    for (const id of input.InstanceIds ?? []) {
      // Detaching deregisters the instance from the group's target groups, and removes the group's tag from it.
      for (const arn of g.targetGroupArns) this.setTargetState(arn, id, "draining");
      delete this.instance(id).tags[AUTO_SCALING_GROUP_TAG];
    }
    if (input.ShouldDecrementDesiredCapacity) g.desired -= (input.InstanceIds ?? []).length;
    while (g.instances.length < g.desired) this.launchReplacement(g);
    return { Activities: [] };
  }

  private launchReplacement(g: FakeAsg): void {
    const model = this.instances.get(g.instances[0] ?? "") ?? [...this.instances.values()][0];
    const id = this.id("i");
    this.instances.set(id, {
      id,
      state: "running",
      tags: { [AUTO_SCALING_GROUP_TAG]: g.name },
      enis: [{ id: this.id("eni"), vpcId: model?.enis[0]?.vpcId ?? "vpc-1", groups: [...(model?.enis[0]?.groups ?? [])], privateIps: ["10.0.9.9"], deviceIndex: 0 }],
      disableApiTermination: false,
      shutdownBehavior: "stop",
      volumes: [],
    });
    g.instances.push(id);
    for (const arn of g.targetGroupArns) this.targetGroups.get(arn)?.targets.push({ id, port: this.targetGroups.get(arn)!.port, state: "healthy" });
  }

  /** Standby as Auto Scaling has it: only an InService member; without decrement a replacement launches. */
  private enterStandby(input: { AutoScalingGroupName?: string; InstanceIds?: string[]; ShouldDecrementDesiredCapacity?: boolean }) {
    if (input.ShouldDecrementDesiredCapacity === undefined) throw awsError("ValidationError", "ShouldDecrementDesiredCapacity is required");
    const g = this.asg(input.AutoScalingGroupName!);
    for (const id of input.InstanceIds ?? []) {
      if (!g.instances.includes(id)) throw awsError("ValidationError", `The instance ${id} is not part of Auto Scaling group ${g.name}.`);
      if (g.standby?.includes(id)) throw awsError("ValidationError", `The instance ${id} is not in InService.`);
    }
    if (input.ShouldDecrementDesiredCapacity && g.desired - (input.InstanceIds ?? []).length < g.min) {
      throw awsError("ValidationError", "Desired capacity would fall below the group's minimum size");
    }
    g.standby = [...(g.standby ?? []), ...(input.InstanceIds ?? [])];
    for (const id of input.InstanceIds ?? []) for (const arn of g.targetGroupArns) this.setTargetState(arn, id, "draining");
    if (input.ShouldDecrementDesiredCapacity) g.desired -= (input.InstanceIds ?? []).length;
    // Standby instances do not count towards the desired capacity.
    while (g.instances.length - g.standby.length < g.desired) this.launchReplacement(g);
    return { Activities: [] };
  }

  private exitStandby(input: { AutoScalingGroupName?: string; InstanceIds?: string[] }) {
    const g = this.asg(input.AutoScalingGroupName!);
    const ids = input.InstanceIds ?? [];
    for (const id of ids) if (!g.standby?.includes(id)) throw awsError("ValidationError", `The instance ${id} is not in Standby.`);
    if (g.desired + ids.length > g.max) throw awsError("ValidationError", "Desired capacity would exceed the group's maximum size");
    g.standby = g.standby!.filter((id) => !ids.includes(id));
    g.desired += ids.length;
    return { Activities: [] };
  }

  private setInstanceProtection(input: { AutoScalingGroupName?: string; InstanceIds?: string[]; ProtectedFromScaleIn?: boolean }) {
    if (input.ProtectedFromScaleIn === undefined) throw awsError("ValidationError", "ProtectedFromScaleIn is required");
    const g = this.asg(input.AutoScalingGroupName!);
    for (const id of input.InstanceIds ?? []) if (!g.instances.includes(id)) throw awsError("ValidationError", `The instance ${id} is not part of Auto Scaling group ${g.name}.`);
    const rest = (g.protectedIds ?? []).filter((id) => !(input.InstanceIds ?? []).includes(id));
    g.protectedIds = input.ProtectedFromScaleIn ? [...rest, ...(input.InstanceIds ?? [])] : rest;
    return {};
  }

  private processes(input: { AutoScalingGroupName?: string; ScalingProcesses?: string[] }, suspend: boolean) {
    const g = this.asg(input.AutoScalingGroupName!);
    const known = ["Launch", "Terminate", "AddToLoadBalancer", "AlarmNotification", "AZRebalance", "HealthCheck", "InstanceRefresh", "ReplaceUnhealthy", "ScheduledActions"];
    const named = input.ScalingProcesses ?? known;
    for (const p of named) if (!known.includes(p)) throw awsError("ValidationError", `Invalid scaling process ${p}`);
    const rest = (g.suspended ?? []).filter((p) => !named.includes(p));
    g.suspended = suspend ? [...rest, ...named] : rest;
    return {};
  }

  private attachInstances(input: { AutoScalingGroupName?: string; InstanceIds?: string[] }) {
    const g = this.asg(input.AutoScalingGroupName!);
    const ids = input.InstanceIds ?? [];
    if (g.desired + ids.length > g.max) throw awsError("ValidationError", "Desired capacity would exceed the group's maximum size");
    // Attaching tags the instance with the group's name.
    for (const id of ids) this.instance(id).tags[AUTO_SCALING_GROUP_TAG] = g.name;
    g.instances.push(...ids);
    g.desired += ids.length;
    return {};
  }

  // ---- ELBv2 ----
  private describeTargetGroups(input: { Marker?: string; PageSize?: number }) {
    const all = [...this.targetGroups.values()];
    const start = input.Marker ? Number(input.Marker) : 0;
    const size = input.PageSize ?? 400;
    const page = all.slice(start, start + size);
    return {
      TargetGroups: page.map((t) => ({ TargetGroupArn: t.arn, VpcId: t.vpcId, TargetType: t.targetType, Port: t.port })),
      NextMarker: start + size < all.length ? String(start + size) : undefined,
    };
  }

  private tg(arn: string): FakeTargetGroup {
    const t = this.targetGroups.get(arn);
    if (!t) throw awsError("TargetGroupNotFoundException", `Target groups '${arn}' not found`);
    return t;
  }

  private describeTargetHealth(input: { TargetGroupArn?: string }) {
    const t = this.tg(input.TargetGroupArn!);
    return {
      TargetHealthDescriptions: t.targets.map((x) => ({ Target: { Id: x.id, Port: x.port }, HealthCheckPort: String(x.port), TargetHealth: { State: x.state } })),
    };
  }

  private setTargetState(arn: string, id: string, state: FakeTargetGroup["targets"][number]["state"]): void {
    for (const x of this.targetGroups.get(arn)?.targets ?? []) if (x.id === id) x.state = state;
  }

  private deregisterTargets(input: { TargetGroupArn?: string; Targets?: Array<{ Id: string; Port?: number }> }) {
    const t = this.tg(input.TargetGroupArn!);
    for (const target of input.Targets ?? []) {
      if (target.Id.startsWith("i-") && !this.instances.has(target.Id)) throw awsError("InvalidTargetException", `The following targets are not valid: ${target.Id}`);
      for (const x of t.targets) if (x.id === target.Id && (target.Port === undefined || x.port === target.Port)) x.state = "draining";
    }
    return {};
  }

  private registerTargets(input: { TargetGroupArn?: string; Targets?: Array<{ Id: string; Port?: number }> }) {
    const t = this.tg(input.TargetGroupArn!);
    for (const target of input.Targets ?? []) {
      if (target.Id.startsWith("i-")) this.instance(target.Id);
      const port = target.Port ?? t.port;
      const found = t.targets.find((x) => x.id === target.Id && x.port === port);
      if (found) found.state = "healthy";
      else t.targets.push({ id: target.Id, port, state: "healthy" });
    }
    return {};
  }

  // ---- IAM ----
  private getInstanceProfile(input: { InstanceProfileName?: string }) {
    const p = this.profiles.get(input.InstanceProfileName!);
    if (!p) throw awsError("NoSuchEntityException", `Instance Profile ${input.InstanceProfileName} cannot be found.`, { httpStatusCode: 404 });
    return { InstanceProfile: { InstanceProfileName: input.InstanceProfileName, Arn: p.arn, Roles: [{ RoleName: p.roleName }] } };
  }

  private putRolePolicy(input: { RoleName?: string; PolicyName?: string; PolicyDocument?: string }) {
    if (![...this.profiles.values()].some((p) => p.roleName === input.RoleName)) throw awsError("NoSuchEntityException", `role ${input.RoleName} cannot be found`, { httpStatusCode: 404 });
    JSON.parse(input.PolicyDocument!);
    const policies = this.rolePolicies.get(input.RoleName!) ?? {};
    policies[input.PolicyName!] = input.PolicyDocument!;
    this.rolePolicies.set(input.RoleName!, policies);
    return {};
  }

  // ---- SNS ----
  private publish(input: { TopicArn?: string; Subject?: string; Message?: string }) {
    refusePublish(input, (arn) => this.topics.has(arn));
    this.published.push({ subject: input.Subject, message: JSON.parse(input.Message!) });
    return { MessageId: this.id("msg") };
  }

  // ---- DynamoDB (document client level) ----
  private static matches(item: Record<string, any> | undefined, expression: string | undefined, names: Record<string, string> = {}, values: Record<string, any> = {}): boolean {
    if (!expression) return true;
    return expression.split(/\s+OR\s+/).some((clause) =>
      clause.split(/\s+AND\s+/).every((atom) => {
        const a = atom.trim();
        const fn = /^attribute_(not_)?exists\((#?\w+)\)$/.exec(a);
        if (fn) {
          const attr = names[fn[2]] ?? fn[2];
          const exists = item !== undefined && item[attr] !== undefined;
          return fn[1] ? !exists : exists;
        }
        const eq = /^(#?\w+)\s*=\s*(:\w+)$/.exec(a);
        if (eq) {
          if (!(eq[2] in values)) throw awsError("ValidationException", `Value provided in ExpressionAttributeValues unused or missing: ${eq[2]}`);
          return item !== undefined && item[names[eq[1]] ?? eq[1]] === values[eq[2]];
        }
        throw awsError("ValidationException", `Invalid ConditionExpression: ${a}`);
      }),
    );
  }

  private checkItem(item: Record<string, any>): Record<string, any> {
    if (typeof item?.pk !== "string") throw awsError("ValidationException", "One of the required keys was not given a value");
    if (Buffer.byteLength(JSON.stringify(item)) > 400 * 1024) throw awsError("ValidationException", "Item size has exceeded the maximum allowed size");
    return clone(item);
  }

  private getItem(input: { Key?: { pk?: string } }) {
    const item = this.table.get(input.Key!.pk!);
    return { Item: clone(item) };
  }

  private putItem(input: { Item?: Record<string, any>; ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, any> }) {
    const item = this.checkItem(input.Item!);
    if (!FakeAws.matches(this.table.get(item.pk), input.ConditionExpression, input.ExpressionAttributeNames, input.ExpressionAttributeValues)) {
      throw awsError("ConditionalCheckFailedException", "The conditional request failed");
    }
    this.table.set(item.pk, item);
    return {};
  }

  private transactWrite(input: { TransactItems?: Array<{ Put?: any }> }) {
    const items = input.TransactItems ?? [];
    if (items.length === 0 || items.length > 100) throw awsError("ValidationException", "TransactItems must have 1 to 100 items");
    const puts = items.map((t) => {
      if (!t.Put) throw awsError("ValidationException", "only Put is modelled by this fake");
      return this.checkItem(t.Put.Item);
    });
    if (new Set(puts.map((p) => p.pk)).size !== puts.length) throw awsError("ValidationException", "Transaction request cannot include multiple operations on one item");
    const reasons = items.map((t, i) =>
      FakeAws.matches(this.table.get(puts[i].pk), t.Put.ConditionExpression, t.Put.ExpressionAttributeNames, t.Put.ExpressionAttributeValues)
        ? { Code: "None" }
        : { Code: "ConditionalCheckFailed", Message: "The conditional request failed" },
    );
    if (reasons.some((r) => r.Code !== "None")) {
      const err = awsError("TransactionCanceledException", `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(", ")}]`);
      (err as any).CancellationReasons = reasons;
      throw err;
    }
    for (const p of puts) this.table.set(p.pk, p);
    return {};
  }
}
