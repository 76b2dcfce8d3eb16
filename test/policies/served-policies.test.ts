import { strict as assert } from "node:assert";
import { servedPolicies } from "../../policies/serve";

/**
 * The per-type walk of the pack's Analyze (policies/serve.ts), against the gRPC server class @pulumi/policy serves
 * with: its addService is replaced by a recorder, so the handler the pack would register can be called as gRPC would.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the gRPC module @pulumi/policy serves with
const { Server } = require(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/policy/server")] })) as { Server: { prototype: { addService: (service: object, implementation: Record<string, any>) => void } } };

describe("servedPolicies: Analyze walks only the policies of the resource's type", () => {
  const original = Server.prototype.addService;
  afterEach(() => (Server.prototype.addService = original));

  const policies = [{ name: "bucket-rule" }, { name: "sg-rule" }, { name: "bucket-or-sg-rule" }, { name: "untyped-rule" }];
  const types: Record<string, string[] | undefined> = {
    "bucket-rule": ["aws:s3/bucket:Bucket"],
    "sg-rule": ["aws:ec2/securityGroup:SecurityGroup"],
    "bucket-or-sg-rule": ["aws:s3/bucket:Bucket", "aws:ec2/securityGroup:SecurityGroup"],
    "untyped-rule": undefined,
  };

  /** Serves the list, registers a handler that walks it as @pulumi/policy's does, and returns what gRPC would call. */
  function serve() {
    let registered: Record<string, any> | undefined;
    Server.prototype.addService = (_service, implementation) => (registered = implementation);
    const served = servedPolicies(policies, (p) => types[p.name]);
    const walked: string[][] = [];
    const analyze = (call: { request: { getType(): string } }) => {
      call.request.getType();
      const names: string[] = [];
      for (const p of served) names.push(p.name);
      walked.push(names);
      return Promise.resolve();
    };
    (Server.prototype.addService as (s: object, i: object) => void).call({}, {}, { analyze, analyzeStack: () => undefined });
    const call = (type: string) => registered!.analyze({ request: { getType: () => type } }, () => undefined);
    return { served, walked, call, registered: registered! };
  }

  it("walks every policy on the first call (a config key no policy takes fails there), then those of the type and the untyped", async () => {
    const { walked, call } = serve();
    await call("aws:sns/topic:Topic");
    await call("aws:s3/bucket:Bucket");
    await call("aws:ec2/securityGroup:SecurityGroup");
    await call("aws:sns/topic:Topic");
    assert.deepEqual(walked, [
      ["bucket-rule", "sg-rule", "bucket-or-sg-rule", "untyped-rule"],
      ["bucket-rule", "bucket-or-sg-rule", "untyped-rule"],
      ["sg-rule", "bucket-or-sg-rule", "untyped-rule"],
      ["untyped-rule"],
    ]);
  });

  it("is the whole list outside an Analyze call's start (AnalyzeStack, Remediate, the library's checks)", async () => {
    const { served, call, registered } = serve();
    await call("aws:sns/topic:Topic");
    await call("aws:sns/topic:Topic");
    assert.deepEqual([...served].map((p) => p.name), policies.map((p) => p.name));
    assert.equal(served.length, policies.length);
    assert.equal(typeof registered.analyzeStack, "function", "the other handlers are registered as given");
  });

  it("a handler that walks after its first await gets the whole list, not another call's", async () => {
    let registered: Record<string, any> | undefined;
    Server.prototype.addService = (_service, implementation) => (registered = implementation);
    const served = servedPolicies(policies, (p) => types[p.name]);
    const walked: string[][] = [];
    const late = async () => {
      await Promise.resolve();
      walked.push([...served].map((p) => p.name));
    };
    (Server.prototype.addService as (s: object, i: object) => void).call({}, {}, { analyze: late });
    await registered!.analyze({ request: { getType: () => "aws:s3/bucket:Bucket" } }, () => undefined);
    await registered!.analyze({ request: { getType: () => "aws:s3/bucket:Bucket" } }, () => undefined);
    assert.deepEqual(walked, [policies.map((p) => p.name), policies.map((p) => p.name)]);
  });
});
