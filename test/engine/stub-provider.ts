/**
 * A STUB of Pulumi's `aws` (and `random`, `awsx`) provider plugins, for previews under the real engine with no cloud
 * account. It is not Pulumi's provider: Pulumi's AWS provider cannot be built from the Go module proxy (it replaces
 * the Terraform AWS provider with a patched local copy) and no registry here ships its binary.
 *
 * What it does, as the real provider does in a preview:
 * - Check: echoes the inputs; an input the package's SDK does not declare for the type is a check failure.
 * - Create (preview): returns the inputs plus every output-only property of the type as UNKNOWN, which is what the
 *   engine and a policy pack see from the real provider before a resource exists.
 * - Invoke: the lookups programs use (caller identity, Region, partition, AZs, AMI, SSM parameter, ELB service
 *   account…), answered as `kamae check`'s offline mocks answer them.
 * - Construct (awsx only): `awsx:ec2:Vpc` and `awsx:ec2:DefaultVpc` expand into the AWS resources awsx creates.
 * What it does not: it creates nothing (an update fails, naming the stub), and it knows which properties are outputs
 * from the SDK's generated classes, not from the provider schema (optional inputs the real provider computes, such as
 * a bucket's name when none is given, stay absent rather than unknown).
 *
 * Started by the engine as `pulumi-resource-<package> <engine address>` (test/engine/bin/), with the package's name
 * as this script's first argument.
 */
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OfflineMocks, providerAutoname } from "../../cli/offline-mocks";

/** The engine's wire value for "unknown until the resource exists" (sdk/go/common/resource/plugin/rpc.go). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const pkg = process.argv[2];
const args = process.argv.slice(3);
const sdkRoot = dirname(require.resolve(`@pulumi/${pkg}/package.json`));
const sdkVersion = (JSON.parse(readFileSync(join(sdkRoot, "package.json"), "utf8")) as { version: string }).version;

interface TypeShape {
  readonly inputs: ReadonlySet<string>;
  readonly outputs: ReadonlySet<string>;
}
const shapes = new Map<string, TypeShape | undefined>();

/**
 * The inputs and output-only properties of a resource type, read from the SDK class the program itself uses: its
 * constructor assigns `resourceInputs["x"] = args ? args.x : undefined` for inputs and `= undefined /*out*\/` for
 * outputs. `aws:s3/bucketV2:BucketV2` lives in `s3/bucketV2.js`; module `index` is the package root.
 */
export function shapeOf(type: string): TypeShape | undefined {
  if (shapes.has(type)) return shapes.get(type);
  const [, mod] = type.split(":");
  const [dir, file] = mod.includes("/") ? mod.split("/") : [mod, undefined];
  const path = file === undefined ? undefined : join(sdkRoot, dir === "index" ? "" : dir, `${file}.js`);
  let shape: TypeShape | undefined;
  if (path && existsSync(path)) {
    const source = readFileSync(path, "utf8");
    // The constructor's create branch: the last `else` block before `opts = pulumi.mergeOptions`.
    const create = source.slice(source.lastIndexOf("else {", source.indexOf("mergeOptions")));
    const assigned = [...create.matchAll(/resourceInputs\["(\w+)"\] = (undefined \/\*out\*\/)?/g)];
    const inputs = new Set(assigned.filter((m) => !m[2]).map((m) => m[1]));
    const outputs = new Set(assigned.filter((m) => m[2]).map((m) => m[1]));
    shape = { inputs, outputs };
  }
  shapes.set(type, shape);
  return shape;
}

const typeOf = (urn: string) => urn.split("::")[2].split("$").pop()!;

const mocks = new OfflineMocks();

/** The stub autonames at check as the AWS provider does, for the inputs its schema has. */
function autonamed(urn: string, news: Record<string, any>, inputs: ReadonlySet<string>): Record<string, any> {
  const name = providerAutoname(typeOf(urn), urn.split("::").pop()!, news);
  return Object.keys(name).every((key) => inputs.has(key)) ? { ...news, ...name } : news;
}

const stub: provider.Provider = {
  version: sdkVersion,

  async check(urn, _olds, news) {
    const shape = shapeOf(typeOf(urn));
    if (!shape) return { inputs: news, failures: [{ property: "", reason: `the stub ${pkg} provider does not know ${typeOf(urn)}` }] };
    const unknown = Object.keys(news).filter((k) => !k.startsWith("__") && !shape.inputs.has(k));
    return { inputs: autonamed(urn, news, shape.inputs), failures: unknown.map((property) => ({ property, reason: `${typeOf(urn)} has no input "${property}"` })) };
  },

  async diff() {
    return { changes: true };
  },

  async create(urn) {
    throw new Error(`the stub ${pkg} provider previews only: it cannot create ${urn}`);
  },

  async invoke(token, inputs) {
    const outputs = mocks.call({ token, inputs, provider: "" });
    if (!mocks.invokes.at(-1)?.answered) return { outputs: {}, failures: [{ property: "", reason: `the stub ${pkg} provider has no answer for ${token}` }] };
    return { outputs };
  },

  async construct(name, type, inputs, options) {
    const expand = REMOTE_COMPONENTS[type];
    if (!expand) throw new Error(`the stub ${pkg} provider cannot construct ${type}`);
    return expand(name, inputs, options);
  },
};

/** A remote component as its provider registers it: outputs registered once the children exist. */
class RemoteComponent extends pulumi.ComponentResource {
  publish(outputs: pulumi.Inputs): void {
    this.registerOutputs(outputs);
  }
}

type Construct = (name: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions) => Promise<provider.ConstructResult>;

/** awsx's VPC: the VPC, an internet gateway, and per AZ a public and a private subnet (a NAT gateway per strategy). */
const REMOTE_COMPONENTS: Record<string, Construct> = {
  "awsx:ec2:Vpc": async (name, inputs, options) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only in the awsx stub's process
    const aws = require("@pulumi/aws") as typeof import("@pulumi/aws");
    const component = new RemoteComponent("awsx:ec2:Vpc", name, {}, options);
    const parent = { parent: component };
    const vpc = new aws.ec2.Vpc(name, { cidrBlock: inputs.cidrBlock ?? "10.0.0.0/16", enableDnsHostnames: inputs.enableDnsHostnames ?? true, enableDnsSupport: true, tags: inputs.tags }, parent);
    const igw = new aws.ec2.InternetGateway(name, { vpcId: vpc.id }, { parent: vpc });
    const azs = ["a", "b", "c"].slice(0, Number(inputs.numberOfAvailabilityZones ?? 3)).map((z) => `us-east-1${z}`);
    const onePerAz = (inputs.natGateways as { strategy?: string } | undefined)?.strategy === "OnePerAz";
    const publicSubnets = azs.map((az, i) => new aws.ec2.Subnet(`${name}-public-${i + 1}`, { vpcId: vpc.id, availabilityZone: az, cidrBlock: `10.0.${i * 32}.0/20`, mapPublicIpOnLaunch: true }, { parent: vpc }));
    const privateSubnets = azs.map((az, i) => new aws.ec2.Subnet(`${name}-private-${i + 1}`, { vpcId: vpc.id, availabilityZone: az, cidrBlock: `10.0.${128 + i * 32}.0/19` }, { parent: vpc }));
    const nats = (onePerAz ? publicSubnets : publicSubnets.slice(0, 1)).map((subnet, i) => {
      const eip = new aws.ec2.Eip(`${name}-${i + 1}`, { domain: "vpc" }, { parent: subnet });
      return new aws.ec2.NatGateway(`${name}-${i + 1}`, { subnetId: subnet.id, allocationId: eip.allocationId }, { parent: subnet, dependsOn: [igw] });
    });
    const state = {
      vpc,
      vpcId: vpc.id,
      internetGateway: igw,
      natGateways: nats,
      publicSubnetIds: publicSubnets.map((s) => s.id),
      privateSubnetIds: privateSubnets.map((s) => s.id),
      isolatedSubnetIds: [],
      subnets: [...publicSubnets, ...privateSubnets],
    };
    component.publish(state);
    return { urn: component.urn, state };
  },
};

/**
 * `@pulumi/pulumi/provider` answers Configure without `supportsPreview`, so the engine would return a preview's
 * inputs as its outputs. The real AWS provider supports previews; its computed outputs are unknown there. The server
 * is wrapped so Configure says so and a preview's Create answers inputs + unknown outputs.
 */
function servePreviews(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the protocol's generated messages, from the SDK the server uses
  const proto = require("@pulumi/pulumi/proto/provider_pb");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const struct = require("google-protobuf/google/protobuf/struct_pb");
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    const impl = implementation as Record<string, (call: any, callback: (err: unknown, resp?: any) => void) => void>;
    const wrapped = Object.create(impl) as typeof impl;
    wrapped.configure = (call, callback) =>
      impl.configure.call(impl, call, (err, resp) => {
        resp?.setSupportspreview(true);
        callback(err, resp);
      });
    wrapped.create = (call, callback) => {
      if (!call.request.getPreview()) return impl.create.call(impl, call, callback);
      const inputs = call.request.getProperties().toJavaScript() as Record<string, unknown>;
      const outputs = [...(shapeOf(typeOf(call.request.getUrn()))?.outputs ?? [])];
      const resp = new proto.CreateResponse();
      resp.setId("");
      resp.setProperties(struct.Struct.fromJavaScript({ ...Object.fromEntries(outputs.map((k) => [k, UNKNOWN])), ...inputs }));
      callback(undefined, resp);
    };
    return addService.call(this, service, wrapped as unknown as grpc.UntypedServiceImplementation);
  };
}

if (require.main === module) {
  servePreviews();
  provider.main(stub, args).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
