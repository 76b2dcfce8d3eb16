import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { renderPolicyDocument } from "./policy-document";

/**
 * Pulumi mocks that let a program run with no AWS account and no Pulumi CLI, answering as a preview would: the
 * provider's check fills in what it knows before creation (autonamed `name`/`bucket`), every other computed output of
 * a resource being created (id, ARN, endpoints) is unknown; invokes return values of the real shapes (rendered policy
 * documents, AMI lookups, SSM parameters); read-only lookups (`X.get`) are recorded as reads, which a preview never
 * analyzes; remote components (awsx), which only their plugin can expand, get realistic outputs and are recorded as
 * not expanded.
 */

export const OFFLINE_ACCOUNT_ID = "123456789012";
export const OFFLINE_REGION = "us-east-1";
export const OFFLINE_PARTITION = "aws";

export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** The inputs the program gave. */
  readonly inputs: Record<string, any>;
  /**
   * Inputs plus what the provider knows at preview (autonames), computed outputs marked unknown (`UNKNOWN_OUTPUT`):
   * what a preview's analyzer sees as properties.
   */
  readonly state: Record<string, any>;
  /** Undefined for a resource being created (unknown until the update). */
  readonly id?: string;
  /** A read-only lookup (`X.get(...)`): read from AWS, never analyzed. */
  readonly read: boolean;
  readonly provider?: string;
  readonly custom: boolean;
  /** The parent's URN; known when the mocks were installed with `installOfflineMocks` (the mock API does not pass it). */
  readonly parent?: string;
  /** URNs of the resources this one depends on (same condition as `parent`). */
  readonly dependencies?: string[];
  /** URNs each input property depends on (same condition as `parent`). */
  readonly propertyDependencies?: Record<string, string[]>;
  /** Where the program declared the resource (the SDK's source position of the registration). */
  readonly source?: SourcePosition;
}

export interface SourcePosition {
  /** A file URI (`file:///…/index.ts`). */
  readonly uri: string;
  readonly line: number;
  readonly column?: number;
}

/** What a created resource's computed outputs are after an update (unit tests' semantics): ids and ARNs of real shapes. */
function createdOutputs(type: string, name: string, inputs: Record<string, any>, arn: string | undefined): { id: string; outputs: Record<string, any> } {
  const prefixes: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
  };
  const bucket = type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2";
  const id = prefixes[type] ? fakeId(prefixes[type], name) : bucket ? (inputs.bucket ?? name) : `${name}-id`;
  const outputs: Record<string, any> = { id };
  if (arn && inputs.arn === undefined) outputs.arn = arn;
  if (type === "aws:sqs/queue:Queue") outputs.url = `https://sqs.${OFFLINE_REGION}.amazonaws.com/${OFFLINE_ACCOUNT_ID}/${inputs.name ?? name}`;
  return { id, outputs };
}

/** Marks a computed output a preview does not know yet, in recorded state (Pulumi's own unknown sentinel). */
export const UNKNOWN_OUTPUT = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface RecordedInvoke {
  readonly token: string;
  readonly inputs: Record<string, any>;
  readonly answered: boolean;
}

type InvokeAnswer = (inputs: Record<string, any>) => Record<string, any>;

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The AWS provider names a resource at check when the program gives no name: `<resource name>-<7 hex>`, or the
 * `bucketPrefix`/`namePrefix` plus the suffix. A preview knows these names, so policies built from them can be judged.
 */
export function providerAutoname(type: string, name: string, inputs: Record<string, unknown>): Record<string, string> {
  if (!type.startsWith("aws:")) return {};
  const key = type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2" ? "bucket" : "name";
  if (inputs[key] !== undefined) return {};
  const prefix = inputs[`${key}Prefix`] ?? inputs.namePrefix;
  const suffix = shortHash(name).slice(0, 7);
  return { [key]: typeof prefix === "string" ? `${prefix}${suffix}` : `${name}-${suffix}` };
}

const fakeId = (prefix: string, name: string, length = 17) => `${prefix}-${shortHash(name).slice(0, length)}`;

/** Remote components of @pulumi/awsx and the outputs a real expansion would give them. */
const REMOTE_COMPONENTS: Partial<Record<string, (name: string, inputs: Record<string, any>) => Record<string, any>>> = {
  "awsx:ec2:Vpc": (name) => {
    const vpcId = fakeId("vpc", name);
    const subnets = (kind: string) => [0, 1, 2].map((i) => fakeId("subnet", `${name}-${kind}-${i}`));
    return {
      vpcId,
      publicSubnetIds: subnets("public"),
      privateSubnetIds: subnets("private"),
      isolatedSubnetIds: [],
      natGateways: [],
      internetGateway: { id: fakeId("igw", name) },
      vpc: { id: vpcId, arn: `arn:aws:ec2:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:vpc/${vpcId}`, cidrBlock: "10.0.0.0/16" },
    };
  },
  "awsx:ec2:DefaultVpc": (name) => ({
    vpcId: fakeId("vpc", name),
    publicSubnetIds: [0, 1, 2].map((i) => fakeId("subnet", `${name}-public-${i}`)),
    privateSubnetIds: [],
    isolatedSubnetIds: [],
  }),
  "awsx:lb:ApplicationLoadBalancer": (name) => ({
    loadBalancer: {
      arn: `arn:aws:elasticloadbalancing:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:loadbalancer/app/${name}/${shortHash(name).slice(0, 16)}`,
      dnsName: `${name}-123456789.${OFFLINE_REGION}.elb.amazonaws.com`,
    },
    defaultTargetGroup: { arn: `arn:aws:elasticloadbalancing:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:targetgroup/${name}/${shortHash(name).slice(0, 16)}` },
  }),
};

function arnFor(type: string, name: string, inputs: Record<string, any>): string | undefined {
  const [pkg, mod] = type.split(":");
  if (pkg !== "aws") return undefined;
  const service = mod.split("/")[0];
  const kind = (mod.split("/")[1] ?? "resource").toLowerCase();
  const physical = inputs.name ?? inputs.bucket ?? name;
  const regional = `${OFFLINE_PARTITION}:${service}:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}`;
  switch (type) {
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2":
      return `arn:aws:s3:::${physical}`;
    case "aws:iam/role:Role":
      return `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:role/${physical}`;
    case "aws:iam/policy:Policy":
      return `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:policy/${physical}`;
    case "aws:iam/instanceProfile:InstanceProfile":
      return `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:instance-profile/${physical}`;
    case "aws:iam/user:User":
      return `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:user/${physical}`;
    case "aws:sns/topic:Topic":
    case "aws:sqs/queue:Queue":
      return `arn:${regional}:${physical}`;
    case "aws:lambda/function:Function":
      return `arn:${regional}:function:${physical}`;
    case "aws:cloudwatch/logGroup:LogGroup":
      return `arn:${OFFLINE_PARTITION}:logs:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:log-group:${physical}`;
    case "aws:cloudwatch/eventRule:EventRule":
      return `arn:${OFFLINE_PARTITION}:events:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:rule/${physical}`;
    case "aws:kms/key:Key":
      return `arn:${regional}:key/${shortHash(name).slice(0, 8)}-0000-4000-8000-${shortHash(name).slice(8, 20)}`;
    case "aws:dynamodb/table:Table":
      return `arn:${regional}:table/${physical}`;
    case "aws:lb/loadBalancer:LoadBalancer":
      return `arn:${OFFLINE_PARTITION}:elasticloadbalancing:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:loadbalancer/app/${physical}/${shortHash(name).slice(0, 16)}`;
    case "aws:lb/targetGroup:TargetGroup":
      return `arn:${OFFLINE_PARTITION}:elasticloadbalancing:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:targetgroup/${physical}/${shortHash(name).slice(0, 16)}`;
    case "aws:wafv2/webAcl:WebAcl":
    case "aws:wafv2/ipSet:IpSet": {
      const scope = (inputs.scope ?? "REGIONAL") === "CLOUDFRONT" ? "global" : "regional";
      const what = type.endsWith("WebAcl") ? "webacl" : "ipset";
      return `arn:${OFFLINE_PARTITION}:wafv2:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:${scope}/${what}/${physical}/${shortHash(name).slice(0, 8)}`;
    }
    case "aws:sfn/stateMachine:StateMachine":
      return `arn:${OFFLINE_PARTITION}:states:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:stateMachine:${physical}`;
    default:
      return `arn:${regional}:${kind}/${physical}`;
  }
}

/**
 * An AMI lookup answered with the shape the provider returns: the architecture the filters ask for, and
 * `imdsSupport: "v2.0"` for Amazon Linux 2023 images (which require IMDSv2), as AWS registers them.
 */
function amiLookup(inputs: Record<string, any>): Record<string, any> {
  const wanted = JSON.stringify(inputs.filters ?? []) + JSON.stringify(inputs.nameRegex ?? "");
  const architecture = /arm64|aarch64/.test(wanted) ? "arm64" : "x86_64";
  const al2023 = !/amzn2-|ubuntu|windows|debian|rhel/i.test(wanted);
  const name = al2023 ? `al2023-ami-2023.9.20251117.0-kernel-6.1-${architecture}` : `offline-image-${architecture}`;
  const id = fakeId("ami", name);
  return { id, imageId: id, architecture, name, owners: inputs.owners ?? ["amazon"], rootDeviceName: "/dev/xvda", ...(al2023 ? { imdsSupport: "v2.0" } : {}) };
}

/**
 * Public SSM parameters hold what AWS publishes there: the ECS-optimized AMI's `recommended` parameter a JSON document
 * (`image_id`, `image_name`...), AMI parameters an AMI id; anything else a placeholder string.
 */
function ssmParameterValue(name: string): string {
  const image = fakeId("ami", name);
  if (/^\/aws\/service\/ecs\/optimized-ami\/.+\/recommended$/.test(name)) {
    return JSON.stringify({ ecs_agent_version: "1.89.0", ecs_runtime_version: "Docker version 25.0.8", image_id: image, image_name: `${name.split("/")[5]}-ecs-optimized`, image_version: "2025.11.18", os: "Amazon Linux 2023", schema_version: 1, source_image_name: "al2023-ami-minimal" });
  }
  if (name.includes("/ami") || name.endsWith("/image_id") || name.includes("ami-")) return image;
  return "offline-value";
}

export class OfflineMocks implements pulumi.runtime.Mocks {
  readonly resources: RecordedResource[] = [];
  readonly invokes: RecordedInvoke[] = [];
  readonly notExpanded: RecordedResource[] = [];
  /** Set by `installOfflineMocks` around each registration: the parent URN of the resource being registered. */
  private pending: Registration | undefined;
  /** The project and stack the URNs are made of, once installed with `installOfflineMocks`. */
  private stackNames: { project: string; stack: string } | undefined;
  /** Records by the URN the mock monitor gave them (which is what children name as their parent). */
  private readonly byMonitorUrn = new Map<string, RecordedResource>();
  private readonly answers: Partial<Record<string, InvokeAnswer>>;

  /**
   * `preview` (what `kamae check` runs): computed outputs of created resources stay unknown. `update` (component unit
   * tests): they resolve to values of the real shapes, as after `pulumi up`, so tests can await them.
   */
  constructor(
    extraAnswers: Record<string, InvokeAnswer> = {},
    readonly semantics: "preview" | "update" = "preview",
  ) {
    const region = { name: OFFLINE_REGION, region: OFFLINE_REGION, id: OFFLINE_REGION, description: "US East (N. Virginia)", endpoint: `ec2.${OFFLINE_REGION}.amazonaws.com` };
    this.answers = {
      "aws:index/getCallerIdentity:getCallerIdentity": () => ({
        accountId: OFFLINE_ACCOUNT_ID,
        arn: `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:user/kamae-offline`,
        userId: "AIDAKAMAEOFFLINE00000",
        id: OFFLINE_ACCOUNT_ID,
      }),
      "aws:index/getRegion:getRegion": () => region,
      "aws:index/getPartition:getPartition": () => ({ partition: OFFLINE_PARTITION, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: OFFLINE_PARTITION }),
      "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
        id: OFFLINE_REGION,
        names: ["us-east-1a", "us-east-1b", "us-east-1c"],
        zoneIds: ["use1-az1", "use1-az2", "use1-az4"],
        groupNames: [OFFLINE_REGION],
      }),
      "aws:ec2/getAmi:getAmi": (inputs) => amiLookup(inputs),
      "aws:ssm/getParameter:getParameter": (inputs) => ({
        id: inputs.name,
        name: inputs.name,
        type: "String",
        value: ssmParameterValue(String(inputs.name)),
        version: 1,
        arn: `arn:aws:ssm:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:parameter${String(inputs.name).startsWith("/") ? "" : "/"}${inputs.name}`,
      }),
      "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => renderPolicyDocument(inputs),
      // The account whose ELB nodes write access logs in us-east-1 (bucket policies grant it s3:PutObject).
      // Offline, an existing instance profile is taken to hold a role of the same name.
      "aws:iam/getInstanceProfile:getInstanceProfile": (inputs) => ({
        id: inputs.name,
        name: inputs.name,
        arn: `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:instance-profile/${inputs.name}`,
        roleName: inputs.name,
        roleArn: `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:role/${inputs.name}`,
        roleId: fakeId("AROA", String(inputs.name)),
        path: "/",
      }),
      // A role of this account: its unique id as IAM shapes it (AROA and 17 upper-case characters).
      "aws:iam/getRole:getRole": (inputs) => ({
        id: inputs.name,
        name: inputs.name,
        arn: `arn:aws:iam::${OFFLINE_ACCOUNT_ID}:role/${inputs.name}`,
        uniqueId: `AROA${shortHash(String(inputs.name)).slice(0, 17).toUpperCase()}`,
        path: "/",
      }),
      "aws:elb/getServiceAccount:getServiceAccount": () => ({ id: "127311923021", arn: "arn:aws:iam::127311923021:root", region: OFFLINE_REGION }),
      "aws:ec2/getVpc:getVpc": (inputs) => ({ id: inputs.id ?? fakeId("vpc", "default"), cidrBlock: "10.0.0.0/16", default: inputs.default ?? false }),
      "aws:ec2/getSubnets:getSubnets": () => ({ id: OFFLINE_REGION, ids: [0, 1, 2].map((i) => fakeId("subnet", `lookup-${i}`)) }),
      // An AWS-managed prefix list as DescribeManagedPrefixLists gives it (a few of CloudFront's origin-facing ranges).
      "aws:ec2/getManagedPrefixList:getManagedPrefixList": (inputs) => ({
        id: "pl-3b927c52",
        name: inputs.name,
        addressFamily: "IPv4",
        maxEntries: 55,
        ownerId: "AWS",
        arn: `arn:aws:ec2:${OFFLINE_REGION}:aws:prefix-list/pl-3b927c52`,
        entries: ["120.52.22.96/27", "205.251.249.0/24", "180.163.57.128/26", "204.246.168.0/22", "111.13.171.128/26", "18.160.0.0/15"].map((cidr) => ({ cidr, description: "" })),
      }),
      "aws:organizations/getOrganization:getOrganization": () => ({
        id: "o-exampleorgid",
        arn: `arn:aws:organizations::${OFFLINE_ACCOUNT_ID}:organization/o-exampleorgid`,
        masterAccountId: OFFLINE_ACCOUNT_ID,
        roots: [{ id: "r-exmp", arn: "", name: "Root", policyTypes: [] }],
        accounts: [],
      }),
      ...extraAnswers,
    };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    const answer = this.answers[args.token];
    this.invokes.push({ token: args.token, inputs: args.inputs, answered: answer !== undefined });
    return answer ? answer(args.inputs) : {};
  }

  /** Stack transforms the program registered (`pulumi.runtime.registerResourceTransform`), run as the engine runs them. */
  private readonly transforms: pulumi.ResourceTransform[] = [];

  registerTransform(transform: pulumi.ResourceTransform): void {
    this.transforms.push(transform);
  }

  newResource(args: pulumi.runtime.MockResourceArgs): MockResult | Promise<MockResult> {
    // The registration's parent and dependencies are read now, before any await (see bindToMonitor).
    const registration = this.pending;
    if (this.transforms.length === 0) return this.record(args, registration);
    return this.transformed(args).then((inputs) => this.record({ ...args, inputs }, registration));
  }

  /** The inputs after every stack transform, in registration order, with outputs resolved (as the engine sees them). */
  private async transformed(args: pulumi.runtime.MockResourceArgs): Promise<Record<string, any>> {
    let props: Record<string, any> = args.inputs ?? {};
    for (const transform of this.transforms) {
      const result = await transform({ type: args.type, name: args.name, props, opts: {}, custom: args.custom ?? true });
      if (result) props = (await resolveDeep(result.props)) as Record<string, any>;
    }
    return props;
  }

  private record(args: pulumi.runtime.MockResourceArgs, registration: Registration | undefined): MockResult {
    const inputs = markUnknowns(args.inputs ?? {}) as Record<string, any>;
    const read = registration?.read === true;
    const remote = REMOTE_COMPONENTS[args.type];
    // What the provider's check knows before creation: remote components' answers and autonames (`${name}-<7 hex>`).
    const known: Record<string, any> = { ...(remote ? remote(args.name, inputs) : {}), ...providerAutoname(args.type, args.name, inputs) };
    const arn = arnFor(args.type, args.name, { ...inputs, ...known });
    // A lookup reads a resource that exists: its id and ARN are known. A resource being created has neither yet.
    const created = this.semantics === "update" && !read ? createdOutputs(args.type, args.name, { ...inputs, ...known }, arn) : undefined;
    const computed: Record<string, any> = read
      ? { id: args.id, ...(arn ? { arn } : {}) }
      : created
        ? created.outputs
        : arn && inputs.arn === undefined
          ? { arn: UNKNOWN_OUTPUT }
          : {};
    const state = { ...inputs, ...known, ...computed };
    const parentRecord = registration?.parent ? this.byMonitorUrn.get(registration.parent) : undefined;
    const parent = parentRecord?.urn ?? registration?.parent;
    const engineUrnOf = (u: string) => this.byMonitorUrn.get(u)?.urn ?? u;
    const id = read ? args.id : created ? created.id : remote || args.custom === false ? `${args.name}-id` : undefined;
    const record: RecordedResource = {
      urn: this.stackNames
        ? engineUrn(this.stackNames.project, this.stackNames.stack, parentRecord, args.type, args.name)
        : `urn:pulumi:offline::kamae::${args.type}::${args.name}`,
      type: args.type,
      name: args.name,
      inputs,
      state,
      ...(id ? { id } : {}),
      read,
      provider: args.provider,
      custom: args.custom ?? true,
      ...(parent ? { parent } : {}),
      ...(registration?.source ? { source: registration.source } : {}),
      ...(registration
        ? {
            dependencies: registration.dependencies.map(engineUrnOf),
            propertyDependencies: Object.fromEntries(Object.entries(registration.propertyDependencies).map(([k, urns]) => [k, urns.map(engineUrnOf)])),
          }
        : {}),
    };
    this.resources.push(record);
    if (this.stackNames) this.byMonitorUrn.set(mockMonitorUrn(this.stackNames.project, this.stackNames.stack, registration?.parent, args.type, args.name), record);
    // Any remote component (`remote: true` registration: awsx, eks, aws-apigateway...) is built by its plugin, which
    // offline does not run: what it would create is not checked, whether or not the mocks know its outputs.
    if (remote || registration?.remote) this.notExpanded.push(record);
    return { id, state };
  }

  /** @internal Used by `installOfflineMocks` only. */
  bindToMonitor(project: string, stack: string, monitor: MonitorRegistrations): void {
    this.stackNames = { project, stack };
    for (const method of ["registerResource", "readResource"] as const) {
      const original = monitor[method].bind(monitor);
      // The mock monitor calls newResource synchronously, before its first await, so the slot set here is read by
      // exactly this registration even when many registrations are in flight.
      monitor[method] = (req, callback) => {
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap?.().forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
        const position = req.getSourceposition?.();
        const source = position && position.getUri() ? { uri: position.getUri(), line: position.getLine(), column: position.getColumn() } : undefined;
        this.pending = { parent: req.getParent() || undefined, dependencies: req.getDependenciesList?.() ?? [], propertyDependencies, read: method === "readResource", remote: req.getRemote?.() === true, source };
        try {
          return original(req, callback);
        } finally {
          this.pending = undefined;
        }
      };
    }
  }

  unansweredInvokes(): string[] {
    return [...new Set(this.invokes.filter((i) => !i.answered).map((i) => i.token))];
  }
}

interface Registration {
  readonly parent?: string;
  readonly dependencies: string[];
  readonly propertyDependencies: Record<string, string[]>;
  readonly read: boolean;
  /** A remote component (its plugin would build its children). */
  readonly remote: boolean;
  readonly source?: SourcePosition;
}

/** Pulumi's unknown values (inputs computed from outputs not known at preview) as the sentinel, anywhere inside. */
function markUnknowns(value: unknown, depth = 0): unknown {
  if (value !== null && typeof value === "object" && value.constructor?.name === "Unknown") return UNKNOWN_OUTPUT;
  if (depth > 64 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => markUnknowns(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markUnknowns(v, depth + 1)]));
}
type MockResult = { id: string | undefined; state: Record<string, any> };

/** Resolves outputs and promises anywhere inside a value (what a transform returns may hold either). */
async function resolveDeep(value: unknown): Promise<unknown> {
  const v = await value;
  if (v !== null && typeof v === "object" && (v as { __pulumiOutput?: boolean }).__pulumiOutput) {
    return resolveDeep(await new Promise((resolve) => (v as pulumi.Output<unknown>).apply((inner) => resolve(inner))));
  }
  if (Array.isArray(v)) return Promise.all(v.map(resolveDeep));
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = await Promise.all(Object.entries(v).map(async ([k, inner]) => [k, await resolveDeep(inner)] as const));
    return Object.fromEntries(entries);
  }
  return v;
}

interface RegistrationRequest {
  getParent(): string;
  getDependenciesList?(): string[];
  getPropertydependenciesMap?(): { forEach(f: (deps: { getUrnsList(): string[] }, key: string) => void): void };
  getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
  getRemote?(): boolean;
}
type MonitorMethod = (req: RegistrationRequest, callback: (...args: unknown[]) => void) => unknown;
interface MonitorRegistrations {
  registerResource: MonitorMethod;
  readResource: MonitorMethod;
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The URN the mock monitor answers with (only the parent's last type is kept, the root stack counts as a parent). */
function mockMonitorUrn(project: string, stack: string, parent: string | undefined, type: string, name: string): string {
  const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** The URN the engine gives a resource, as `pulumi preview` shows it: the parents' whole type chain, the root stack left out. */
function engineUrn(project: string, stack: string, parent: RecordedResource | undefined, type: string, name: string): string {
  const qualified = parent && parent.type !== ROOT_STACK_TYPE ? `${parent.urn.split("::")[2]}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/**
 * Installs `mocks` into a Pulumi runtime (pass the `@pulumi/pulumi` module the program itself resolves, so program and
 * mocks share one runtime state) and lets them record each resource's parent and real URN, which the mock API alone
 * does not give.
 */
export async function installOfflineMocks(
  pulumiModule: typeof pulumi,
  mocks: OfflineMocks,
  project: string,
  stack: string,
): Promise<void> {
  // A preview leaves computed outputs of resources being created unknown to the program, as the engine does.
  await pulumiModule.runtime.setMocks(mocks, project, stack, mocks.semantics === "preview");
  const monitor = pulumiModule.runtime.getMonitor() as unknown as MonitorRegistrations | undefined;
  if (!monitor || typeof monitor.registerResource !== "function") throw new Error("kamae: the Pulumi runtime has no mock monitor to attach to");
  mocks.bindToMonitor(project, stack, monitor);
}
