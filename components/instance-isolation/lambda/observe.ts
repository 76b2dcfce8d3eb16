import { AutoScalingClient, DescribeAutoScalingInstancesCommand } from "@aws-sdk/client-auto-scaling";
import {
  DescribeAddressesCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  Instance,
} from "@aws-sdk/client-ec2";
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { AccountClients, ActionTarget } from "../../shared/aws/account-clients";
import { ISOLATION_GROUP_TAG, IsolationGroup, ObservedState, OriginalState, RecordedTarget } from "./model";

/** Target groups are described with this many calls in flight: one round trip for any ordinary account. */
const TARGET_HEALTH_CONCURRENCY = 20;

/** Maps with at most `limit` promises in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const isNotFound = (err: unknown) => /InvalidInstanceID\.(NotFound|Malformed)/.test((err as Error).name ?? "");

async function allTargetGroups(elb: ElasticLoadBalancingV2Client): Promise<TargetGroup[]> {
  const groups: TargetGroup[] = [];
  let marker: string | undefined;
  do {
    const page = await elb.send(new DescribeTargetGroupsCommand({ Marker: marker, PageSize: 400 }));
    groups.push(...(page.TargetGroups ?? []));
    marker = page.NextMarker;
  } while (marker);
  return groups;
}

/** What the first round of reads found: the instance as the decision sees it, without what the second round adds. */
export interface InstanceView {
  readonly instanceId: string;
  /** The instance with no target group membership and no isolation groups known yet (`observeSurroundings` adds them). */
  readonly observed: ObservedState;
  /** The Region's target groups (the second round reads the health of those that can hold the instance). */
  readonly targetGroups: readonly TargetGroup[];
  readonly privateIps: ReadonlySet<string>;
}

/**
 * Reads everything the decision needs, in two parallel rounds: `observeInstance` (the instance, its attributes, Auto
 * Scaling group, Elastic IPs, instance-profile association and the Region's target groups), then
 * `observeSurroundings` (the health of every target group in the instance's VPCs, the only way to learn which hold
 * it, and the isolation groups of those VPCs).
 */
export async function observe(clients: AccountClients, target: ActionTarget, instanceId: string): Promise<ObservedState> {
  return observeSurroundings(clients, target, await observeInstance(clients, target, instanceId));
}

/** The first round of `observe`: everything but target group membership and isolation groups. */
export async function observeInstance(clients: AccountClients, target: ActionTarget, instanceId: string): Promise<InstanceView> {
  const ec2 = clients.client(EC2Client, target);
  const asg = clients.client(AutoScalingClient, target);
  const elb = clients.client(ElasticLoadBalancingV2Client, target);

  const describeInstance = ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })).then(
    (out) => out.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId),
    (err) => {
      if (isNotFound(err)) return undefined;
      throw err;
    },
  );
  const attribute = (Attribute: "disableApiTermination" | "instanceInitiatedShutdownBehavior") =>
    ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute })).catch((err) => {
      if (isNotFound(err)) return undefined;
      throw err;
    });
  const [instance, termination, shutdown, asgOut, addressesOut, profileOut, targetGroups] = await Promise.all([
    describeInstance,
    attribute("disableApiTermination"),
    attribute("instanceInitiatedShutdownBehavior"),
    asg.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [instanceId] })),
    ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: "instance-id", Values: [instanceId] }] })),
    ec2.send(
      new DescribeIamInstanceProfileAssociationsCommand({
        Filters: [
          { Name: "instance-id", Values: [instanceId] },
          { Name: "state", Values: ["associated"] },
        ],
      }),
    ),
    allTargetGroups(elb),
  ]);

  if (!instance) return { instanceId, observed: notFound(), targetGroups: [], privateIps: new Set() };

  const networkInterfaces = (instance.NetworkInterfaces ?? [])
    .filter((n) => n.NetworkInterfaceId && n.VpcId)
    .sort((a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0))
    .map((n) => ({ networkInterfaceId: n.NetworkInterfaceId!, vpcId: n.VpcId!, groupIds: (n.Groups ?? []).map((g) => g.GroupId!).filter(Boolean) }));
  const privateIps = new Set((instance.NetworkInterfaces ?? []).flatMap((n) => (n.PrivateIpAddresses ?? []).map((p) => p.PrivateIpAddress!)));

  const asgInstance = asgOut.AutoScalingInstances?.find((i) => i.InstanceId === instanceId);
  const addresses = addressesOut.Addresses ?? [];
  const association = profileOut.IamInstanceProfileAssociations?.[0];
  const original: OriginalState = {
    autoScalingGroupName: asgInstance?.AutoScalingGroupName,
    targets: [],
    networkInterfaces,
    addresses: addresses
      .filter((a) => a.AllocationId && a.PublicIp)
      .map((a) => ({ allocationId: a.AllocationId!, publicIp: a.PublicIp!, networkInterfaceId: a.NetworkInterfaceId, privateIpAddress: a.PrivateIpAddress })),
    instanceProfileArn: association?.IamInstanceProfile?.Arn ?? instance.IamInstanceProfile?.Arn,
    disableApiTermination: termination?.DisableApiTermination?.Value ?? false,
    shutdownBehavior: shutdown?.InstanceInitiatedShutdownBehavior?.Value ?? "stop",
    volumes: volumesOf(instance),
  };
  const observed: ObservedState = {
    found: true,
    instanceState: instance.State?.Name,
    tags: Object.fromEntries((instance.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? ""])),
    original,
    profileAssociationId: association?.AssociationId,
    addressAssociations: addresses
      .filter((a) => a.AssociationId && a.AllocationId)
      .map((a) => ({ associationId: a.AssociationId!, publicIp: a.PublicIp ?? "", allocationId: a.AllocationId! })),
    registeredTargets: [],
    isolationGroups: [],
    ...(asgInstance ? { autoScaling: { lifecycleState: asgInstance.LifecycleState, protectedFromScaleIn: asgInstance.ProtectedFromScaleIn === true } } : {}),
  };
  return { instanceId, observed, targetGroups, privateIps };
}

/** The second round of `observe`: the target groups that hold the instance now, and the isolation groups of its VPCs. */
export async function observeSurroundings(clients: AccountClients, target: ActionTarget, view: InstanceView): Promise<ObservedState> {
  const { instanceId, observed, targetGroups, privateIps } = view;
  if (!observed.found) return observed;
  const ec2 = clients.client(EC2Client, target);
  const elb = clients.client(ElasticLoadBalancingV2Client, target);
  const vpcIds = [...new Set(observed.original.networkInterfaces.map((n) => n.vpcId))];

  // Only groups that can hold this instance: same VPC, and instance or IP targets.
  const candidateGroups = targetGroups.filter(
    (g) => g.TargetGroupArn && g.VpcId && vpcIds.includes(g.VpcId) && (g.TargetType === "instance" || g.TargetType === "ip" || g.TargetType === undefined),
  );
  const [healths, groupsOut] = await Promise.all([
    mapLimit(candidateGroups, TARGET_HEALTH_CONCURRENCY, async (g) => ({
      group: g,
      out: await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: g.TargetGroupArn })),
    })),
    vpcIds.length === 0
      ? Promise.resolve({ SecurityGroups: [] })
      : ec2.send(
          new DescribeSecurityGroupsCommand({
            Filters: [
              { Name: "vpc-id", Values: vpcIds },
              { Name: `tag:${ISOLATION_GROUP_TAG}`, Values: ["empty", "transition"] },
            ],
          }),
        ),
  ]);

  const registeredTargets: RecordedTarget[] = [];
  for (const { group, out } of healths) {
    for (const d of out.TargetHealthDescriptions ?? []) {
      const id = d.Target?.Id;
      if (!id || !(id === instanceId || privateIps.has(id))) continue;
      const t: RecordedTarget = { targetGroupArn: group.TargetGroupArn!, id, port: d.Target?.Port, availabilityZone: d.Target?.AvailabilityZone };
      const state = d.TargetHealth?.State;
      if (state !== "draining" && state !== "unused") registeredTargets.push(t);
    }
  }

  const isolationGroups: IsolationGroup[] = (groupsOut.SecurityGroups ?? []).flatMap((g) => {
    const role = g.Tags?.find((t) => t.Key === ISOLATION_GROUP_TAG)?.Value;
    if ((role !== "empty" && role !== "transition") || !g.GroupId || !g.VpcId) return [];
    return [{ groupId: g.GroupId, vpcId: g.VpcId, role, ingress: (g.IpPermissions ?? []) as never[], egress: (g.IpPermissionsEgress ?? []) as never[] }];
  });

  return { ...observed, original: { ...observed.original, targets: registeredTargets }, registeredTargets, isolationGroups };
}

function volumesOf(instance: Instance) {
  return (instance.BlockDeviceMappings ?? [])
    .filter((m) => m.DeviceName && m.Ebs)
    .map((m) => ({ deviceName: m.DeviceName!, volumeId: m.Ebs?.VolumeId, deleteOnTermination: m.Ebs?.DeleteOnTermination ?? false }));
}

function notFound(): ObservedState {
  return {
    found: false,
    tags: {},
    original: { targets: [], networkInterfaces: [], addresses: [], disableApiTermination: false, shutdownBehavior: "stop", volumes: [] },
    addressAssociations: [],
    registeredTargets: [],
    isolationGroups: [],
  };
}
