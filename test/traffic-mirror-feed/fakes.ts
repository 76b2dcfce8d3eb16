import {
  CreateTagsCommand,
  CreateTrafficMirrorSessionCommand,
  DeleteTrafficMirrorSessionCommand,
  DescribeInstancesCommand,
  DescribeTrafficMirrorSessionsCommand,
  EC2Client,
  type Filter,
  type Tag,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { awsError } from "../harness/aws";
import { mirrorSupport } from "../../components/traffic-mirror-feed/lambda/instance-types";

export interface FakeInstance {
  id: string;
  type: string;
  state: string;
  tags: Record<string, string>;
  enis: Array<{ id: string; type: string }>;
}

export interface FakeSession {
  id: string;
  eniId: string;
  targetId: string;
  filterId: string;
  sessionNumber: number;
  virtualNetworkId: number;
  packetLength?: number;
  tags: Record<string, string>;
}

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * EC2's instance and Traffic Mirroring API as it behaves: InvalidInstanceID.Malformed/NotFound, terminated instances
 * still described (without ENIs), InstanceIds refused with MaxResults, paginated Describe calls, sessions refused for
 * unknown ENIs/targets/filters, an ENI that is itself a target, a used session number on the ENI, a fourth session on
 * an ENI (TrafficMirrorSessionsPerInterfaceLimitExceeded), more than 10 sources on an ENI target, unsupported instance
 * types (per the documented list), ClientToken idempotency (IdempotentParameterMismatch), unknown filter names, and
 * throttling on demand.
 */
export class FakeEc2 {
  readonly client = new EC2Client({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  readonly instances = new Map<string, FakeInstance>();
  readonly sessions = new Map<string, FakeSession>();
  readonly targets = new Map<string, { kind: "nlb" | "eni"; eniId?: string }>();
  readonly filters = new Set<string>();
  readonly calls = { describeInstances: 0, describeSessions: 0, create: 0, delete: 0, createTags: 0 };
  /** Throttle the next N write calls (RequestLimitExceeded). */
  throttleWrites = 0;
  /** Types AWS refuses beyond the documented list (for example a family added after Kamae's list). */
  readonly refusedTypes = new Set<string>();
  /** Page size of the Describe calls (small, so tests cross page boundaries). */
  pageSize = 2;
  private readonly tokens = new Map<string, { params: string; sessionId: string }>();
  private seq = 0;

  /** The SDK stub, whose calls the least-privilege test reads. */
  readonly mock = mockClient(this.client);

  constructor() {
    const mock = this.mock;
    mock.on(DescribeInstancesCommand).callsFake(async (input) => this.describeInstances(input));
    mock.on(DescribeTrafficMirrorSessionsCommand).callsFake(async (input) => this.describeSessions(input));
    mock.on(CreateTrafficMirrorSessionCommand).callsFake(async (input) => this.createSession(input));
    mock.on(DeleteTrafficMirrorSessionCommand).callsFake(async (input) => this.deleteSession(input));
    mock.on(CreateTagsCommand).callsFake(async (input) => this.createTags(input));
  }

  addInstance(i: Partial<FakeInstance> & { id: string }): FakeInstance {
    const instance: FakeInstance = { type: "m5.large", state: "running", enis: [{ id: `eni-${i.id.slice(2)}`, type: "interface" }], ...i, tags: { ...(i.tags ?? {}) } };
    this.instances.set(instance.id, instance);
    return instance;
  }

  /** As EC2 does on termination: the instance stays visible a while, its ENIs (delete-on-termination) are gone. */
  terminate(id: string): void {
    const i = this.instances.get(id)!;
    i.state = "terminated";
    i.enis = [];
  }

  addSession(s: Omit<FakeSession, "id" | "virtualNetworkId"> & { virtualNetworkId?: number }): FakeSession {
    const session = { id: this.nextId("tms"), virtualNetworkId: 1, ...s };
    this.sessions.set(session.id, session);
    return session;
  }

  sessionsOn(eniId: string): FakeSession[] {
    return [...this.sessions.values()].filter((s) => s.eniId === eniId);
  }

  private nextId(prefix: string): string {
    this.seq++;
    return `${prefix}-${this.seq.toString(16).padStart(17, "0")}`;
  }

  private write(): void {
    if (this.throttleWrites > 0) {
      this.throttleWrites--;
      throw awsError("RequestLimitExceeded", "Request limit exceeded.", { httpStatusCode: 503, fault: "client" });
    }
  }

  private page<T>(items: T[], input: { MaxResults?: number; NextToken?: string }): { items: T[]; NextToken?: string } {
    if (input.MaxResults !== undefined && (input.MaxResults < 5 || input.MaxResults > 1000)) throw awsError("InvalidParameterValue", "MaxResults must be between 5 and 1000");
    const start = input.NextToken ? Number(input.NextToken) : 0;
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw awsError("InvalidPaginationToken", "Invalid pagination token");
    const size = Math.min(this.pageSize, input.MaxResults ?? this.pageSize);
    const end = start + size;
    return { items: items.slice(start, end), NextToken: end < items.length ? String(end) : undefined };
  }

  private matches(filters: Filter[] | undefined, fields: Record<string, string | undefined>, tags: Record<string, string>, allowed: string[]): boolean {
    for (const f of filters ?? []) {
      const name = f.Name ?? "";
      if (!name.startsWith("tag:") && !allowed.includes(name)) throw awsError("InvalidParameterValue", `The filter '${name}' is invalid`);
      const value = name.startsWith("tag:") ? tags[name.slice(4)] : fields[name];
      if (value === undefined || !(f.Values ?? []).includes(value)) return false;
    }
    return true;
  }

  private describeInstances(input: { InstanceIds?: string[]; Filters?: Filter[]; MaxResults?: number; NextToken?: string }) {
    this.calls.describeInstances++;
    if (input.InstanceIds && input.MaxResults !== undefined) {
      throw awsError("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
    }
    let list = [...this.instances.values()];
    if (input.InstanceIds) {
      for (const id of input.InstanceIds) {
        if (!INSTANCE_ID.test(id)) throw awsError("InvalidInstanceID.Malformed", `Invalid id: "${id}"`);
        if (!this.instances.has(id)) throw awsError("InvalidInstanceID.NotFound", `The instance ID '${id}' does not exist`);
      }
      list = input.InstanceIds.map((id) => this.instances.get(id)!);
    }
    list = list.filter((i) => this.matches(input.Filters, { "instance-state-name": i.state, "instance-type": i.type }, i.tags, ["instance-state-name", "instance-type"]));
    const { items, NextToken } = input.InstanceIds ? { items: list, NextToken: undefined } : this.page(list, input);
    return {
      Reservations: items.map((i) => ({
        Instances: [
          {
            InstanceId: i.id,
            InstanceType: i.type,
            State: { Name: i.state },
            Tags: Object.entries(i.tags).map(([Key, Value]) => ({ Key, Value })),
            NetworkInterfaces: i.enis.map((e, index) => ({ NetworkInterfaceId: e.id, InterfaceType: e.type, Attachment: { DeviceIndex: index } })),
          },
        ],
      })),
      NextToken,
    };
  }

  private describeSessions(input: { Filters?: Filter[]; MaxResults?: number; NextToken?: string; TrafficMirrorSessionIds?: string[] }) {
    this.calls.describeSessions++;
    const list = [...this.sessions.values()].filter((s) =>
      this.matches(
        input.Filters,
        { "network-interface-id": s.eniId, "traffic-mirror-target-id": s.targetId, "traffic-mirror-filter-id": s.filterId, "session-number": String(s.sessionNumber) },
        s.tags,
        ["network-interface-id", "traffic-mirror-target-id", "traffic-mirror-filter-id", "session-number", "traffic-mirror-session-id", "description"],
      ),
    );
    const { items, NextToken } = this.page(list, input);
    return { TrafficMirrorSessions: items.map((s) => this.describe(s)), NextToken };
  }

  private describe(s: FakeSession) {
    return {
      TrafficMirrorSessionId: s.id,
      NetworkInterfaceId: s.eniId,
      TrafficMirrorTargetId: s.targetId,
      TrafficMirrorFilterId: s.filterId,
      SessionNumber: s.sessionNumber,
      VirtualNetworkId: s.virtualNetworkId,
      PacketLength: s.packetLength,
      Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })),
    };
  }

  private createSession(input: {
    NetworkInterfaceId?: string;
    TrafficMirrorTargetId?: string;
    TrafficMirrorFilterId?: string;
    SessionNumber?: number;
    VirtualNetworkId?: number;
    PacketLength?: number;
    ClientToken?: string;
    TagSpecifications?: Array<{ ResourceType?: string; Tags?: Tag[] }>;
  }) {
    this.calls.create++;
    this.write();
    const params = JSON.stringify({ ...input, ClientToken: undefined });
    if (input.ClientToken) {
      const previous = this.tokens.get(input.ClientToken);
      if (previous && previous.params !== params) throw awsError("IdempotentParameterMismatch", "The client token has already been used with different parameters");
      if (previous && this.sessions.has(previous.sessionId)) return { TrafficMirrorSession: this.describe(this.sessions.get(previous.sessionId)!), ClientToken: input.ClientToken };
    }
    const eniId = input.NetworkInterfaceId ?? "";
    const owner = [...this.instances.values()].find((i) => i.enis.some((e) => e.id === eniId));
    if (!owner) throw awsError("InvalidNetworkInterfaceID.NotFound", `The networkInterface ID '${eniId}' does not exist`);
    if (owner.enis.find((e) => e.id === eniId)!.type !== "interface") throw awsError("InvalidParameterValue", `Network interface ${eniId} is not of type interface`);
    const target = this.targets.get(input.TrafficMirrorTargetId ?? "");
    if (!target) throw awsError("InvalidTrafficMirrorTargetId.NotFound", `The traffic mirror target '${input.TrafficMirrorTargetId}' does not exist`);
    if (!this.filters.has(input.TrafficMirrorFilterId ?? "")) throw awsError("InvalidTrafficMirrorFilterId.NotFound", `The traffic mirror filter '${input.TrafficMirrorFilterId}' does not exist`);
    if ([...this.targets.values()].some((t) => t.eniId === eniId)) throw awsError("InvalidParameterValue", `Network interface ${eniId} is a traffic mirror target and cannot be a source`);
    const n = input.SessionNumber;
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 32766) throw awsError("InvalidParameterValue", `Session number ${n} must be between 1 and 32766`);
    if (input.VirtualNetworkId !== undefined && (input.VirtualNetworkId < 0 || input.VirtualNetworkId > 16777215)) throw awsError("InvalidParameterValue", "Invalid VNI");
    const onEni = this.sessionsOn(eniId);
    if (onEni.length >= 3) throw awsError("TrafficMirrorSessionsPerInterfaceLimitExceeded", `The allowed number of Traffic Mirror sessions for ${eniId} has been exceeded`);
    if (onEni.some((s) => s.sessionNumber === n)) throw awsError("InvalidParameterValue", `Session number ${n} is already in use for network interface ${eniId}`);
    if (!mirrorSupport(owner.type).supported || this.refusedTypes.has(owner.type)) throw awsError("UnsupportedOperation", `Instance type ${owner.type} is not supported for traffic mirroring`);
    if (target.kind === "eni") {
      const sources = new Set([...this.sessions.values()].filter((s) => s.targetId === input.TrafficMirrorTargetId).map((s) => s.eniId));
      if (sources.size >= 10) throw awsError("TrafficMirrorSourcesPerTargetLimitExceeded", "The maximum number of sources for this target has been exceeded");
    }
    const tags: Record<string, string> = {};
    for (const spec of input.TagSpecifications ?? []) {
      if (spec.ResourceType !== "traffic-mirror-session") throw awsError("InvalidParameterValue", `Tag specification resource type ${spec.ResourceType} is not valid here`);
      for (const t of spec.Tags ?? []) tags[t.Key ?? ""] = t.Value ?? "";
    }
    const session = this.addSession({
      eniId,
      targetId: input.TrafficMirrorTargetId!,
      filterId: input.TrafficMirrorFilterId!,
      sessionNumber: n,
      virtualNetworkId: input.VirtualNetworkId ?? 1000 + this.sessions.size,
      packetLength: input.PacketLength,
      tags,
    });
    if (input.ClientToken) this.tokens.set(input.ClientToken, { params, sessionId: session.id });
    return { TrafficMirrorSession: this.describe(session), ClientToken: input.ClientToken };
  }

  private deleteSession(input: { TrafficMirrorSessionId?: string }) {
    this.calls.delete++;
    this.write();
    const id = input.TrafficMirrorSessionId ?? "";
    if (!this.sessions.has(id)) throw awsError("InvalidTrafficMirrorSessionId.NotFound", `The traffic mirror session '${id}' does not exist`);
    this.sessions.delete(id);
    return { TrafficMirrorSessionId: id };
  }

  private createTags(input: { Resources?: string[]; Tags?: Tag[] }) {
    this.calls.createTags++;
    this.write();
    for (const id of input.Resources ?? []) {
      const i = this.instances.get(id);
      if (!i) throw awsError("InvalidInstanceID.NotFound", `The instance ID '${id}' does not exist`);
    }
    for (const id of input.Resources ?? []) for (const t of input.Tags ?? []) this.instances.get(id)!.tags[t.Key ?? ""] = t.Value ?? "";
    return {};
  }
}
