import {
  DescribeInstancesCommand,
  DescribeTrafficMirrorSessionsCommand,
  type EC2Client,
  type Filter,
  type Instance,
  type Tag,
  type TrafficMirrorSession,
} from "@aws-sdk/client-ec2";
import { FEED_TAG, MIRROR_STATUS_TAG, SOURCE_INSTANCE_TAG, type FeedSettings, type InstanceView, type SessionView } from "./model";

function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

function instanceView(i: Instance, settings: FeedSettings): InstanceView {
  return {
    instanceId: i.InstanceId ?? "",
    state: i.State?.Name ?? "absent",
    instanceType: i.InstanceType ?? "",
    selected: tagValue(i.Tags, settings.tagKey) === settings.tagValue,
    mirrorStatus: tagValue(i.Tags, MIRROR_STATUS_TAG),
    networkInterfaces: (i.NetworkInterfaces ?? [])
      .filter((n) => n.NetworkInterfaceId)
      .map((n) => ({ eniId: n.NetworkInterfaceId!, interfaceType: n.InterfaceType ?? "interface" })),
  };
}

function sessionView(s: TrafficMirrorSession, settings: FeedSettings): SessionView {
  return {
    sessionId: s.TrafficMirrorSessionId ?? "",
    eniId: s.NetworkInterfaceId ?? "",
    targetId: s.TrafficMirrorTargetId ?? "",
    filterId: s.TrafficMirrorFilterId ?? "",
    sessionNumber: s.SessionNumber ?? 0,
    managed: tagValue(s.Tags, FEED_TAG) === settings.feedName,
    sourceInstanceId: tagValue(s.Tags, SOURCE_INSTANCE_TAG),
  };
}

async function describeInstances(ec2: EC2Client, input: { InstanceIds?: string[]; Filters?: Filter[] }, settings: FeedSettings): Promise<InstanceView[]> {
  const out: InstanceView[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeInstancesCommand({ ...input, NextToken, ...(input.InstanceIds ? {} : { MaxResults: 1000 }) }));
    for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) if (i.InstanceId) out.push(instanceView(i, settings));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

export async function describeSessions(ec2: EC2Client, filters: Filter[], settings: FeedSettings): Promise<SessionView[]> {
  const out: SessionView[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeTrafficMirrorSessionsCommand({ Filters: filters, NextToken, MaxResults: 1000 }));
    for (const s of page.TrafficMirrorSessions ?? []) if (s.TrafficMirrorSessionId) out.push(sessionView(s, settings));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

function merge(...lists: SessionView[][]): SessionView[] {
  const byId = new Map<string, SessionView>();
  for (const list of lists) for (const s of list) byId.set(s.sessionId, s);
  return [...byId.values()];
}

/**
 * One instance (an event): the instance as EC2 sees it ("absent" if EC2 no longer knows it), every session on its ENIs
 * (others' too, for the numbering and the per-ENI limit) and the feed's sessions recorded for it.
 */
export async function observeInstance(ec2: EC2Client, instanceId: string, settings: FeedSettings): Promise<{ instances: InstanceView[]; sessions: SessionView[] }> {
  let instances: InstanceView[];
  try {
    instances = await describeInstances(ec2, { InstanceIds: [instanceId] }, settings);
  } catch (err) {
    if ((err as Error).name !== "InvalidInstanceID.NotFound") throw err;
    instances = [];
  }
  if (instances.length === 0) instances = [{ instanceId, state: "absent", instanceType: "", selected: false, networkInterfaces: [] }];
  const eniIds = instances.flatMap((i) => i.networkInterfaces.map((n) => n.eniId));
  const onEnis = eniIds.length > 0 ? await describeSessions(ec2, [{ Name: "network-interface-id", Values: eniIds }], settings) : [];
  const recorded = await describeSessions(ec2, [{ Name: `tag:${SOURCE_INSTANCE_TAG}`, Values: [instanceId] }, { Name: `tag:${FEED_TAG}`, Values: [settings.feedName] }], settings);
  return { instances, sessions: merge(onEnis, recorded) };
}

/** Everything (the reconciler): selected instances that still exist, the sessions on their ENIs, all the feed's sessions. */
export async function observeAll(ec2: EC2Client, settings: FeedSettings): Promise<{ instances: InstanceView[]; sessions: SessionView[] }> {
  const instances = await describeInstances(
    ec2,
    {
      Filters: [
        { Name: `tag:${settings.tagKey}`, Values: [settings.tagValue] },
        { Name: "instance-state-name", Values: ["pending", "running", "stopping", "stopped"] },
      ],
    },
    settings,
  );
  const eniIds = instances.flatMap((i) => i.networkInterfaces.map((n) => n.eniId));
  const onEnis: SessionView[] = [];
  // DescribeTrafficMirrorSessions filter values are capped (200 per filter): query the ENIs in chunks.
  for (let i = 0; i < eniIds.length; i += 200) {
    onEnis.push(...(await describeSessions(ec2, [{ Name: "network-interface-id", Values: eniIds.slice(i, i + 200) }], settings)));
  }
  const feed = await describeSessions(ec2, [{ Name: `tag:${FEED_TAG}`, Values: [settings.feedName] }], settings);
  return { instances, sessions: merge(onEnis, feed) };
}
