import { strict as assert } from "node:assert";
import { ResourceValidationArgs, StackValidationArgs, unknownCheckingProxy } from "@pulumi/policy";
import { catalog } from "../../policies/catalog";
import { isUnknown } from "../../policies/model";
import { plainProperties, policies, toPolicy } from "../../policies/policies";
import rule from "../../policies/rules/ec2/restricted-ssh";
import { parseSuppressedMessage, parseSuppressTag, suppressionFor } from "../../policies/suppressions";
import { res } from "../../policies/rules/cases";

const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Validation args as the pack server builds them (proxied props; config as Configure delivered it). */
function resourceArgs(type: string, name: string, props: Record<string, any>, config: Record<string, any> = {}): ResourceValidationArgs {
  return {
    type,
    name,
    urn: `urn:pulumi:test::kamae::${type}::${name}`,
    props: unknownCheckingProxy(props),
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    getConfig: <T>() => config as T,
    notApplicable: () => {
      throw new Error("not applicable");
    },
    isType: () => false,
    asType: () => undefined,
  } as unknown as ResourceValidationArgs;
}

type Reported = { message: string; urn?: string; enforcementLevel?: string };
function collect(): [(m: any, urn?: string) => void, Reported[]] {
  const out: Reported[] = [];
  return [(m, urn) => out.push(typeof m === "string" ? { message: m, ...(urn ? { urn } : {}) } : m), out];
}

describe("suppressions", () => {
  const sshEntry = catalog.find((e) => e.id === "restricted-ssh")!;
  const openSsh = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] };

  it("parses the kamae:suppress tag into policy → reason", () => {
    const parsed = parseSuppressTag("restricted-ssh=bastion reachable by design; s3-bucket-logging-enabled = logs are CloudTrail data events ;junk");
    assert.deepEqual([...parsed], [
      ["restricted-ssh", "bastion reachable by design"],
      ["s3-bucket-logging-enabled", "logs are CloudTrail data events"],
    ]);
  });

  it("accepts a tag or config suppression only with a reason of at least 10 characters", () => {
    const tagged = res("aws:ec2/securityGroup:SecurityGroup", "bastion", { tags: { "kamae:suppress": "restricted-ssh=bastion reachable by design" } });
    assert.deepEqual(suppressionFor("restricted-ssh", tagged, []), { suppressed: true, reason: "bastion reachable by design" });
    assert.deepEqual(suppressionFor("restricted-common-ports", tagged, []), { suppressed: false });
    const short = res("aws:ec2/securityGroup:SecurityGroup", "b", { tags: { "kamae:suppress": "restricted-ssh=because" } });
    const verdict = suppressionFor("restricted-ssh", short, []);
    assert.equal(verdict.suppressed, false);
    assert.match((verdict as { note?: string }).note!, /at least 10 characters/);
    const plain = res("aws:ec2/securityGroup:SecurityGroup", "web", {});
    assert.equal(suppressionFor("restricted-ssh", plain, [{ resource: "web", reason: "load test rig, deleted nightly" }]).suppressed, true);
    assert.equal(suppressionFor("restricted-ssh", plain, [{ resource: plain.urn, reason: "load test rig, deleted nightly" }]).suppressed, true);
    assert.equal(suppressionFor("restricted-ssh", plain, [{ resource: "other", reason: "load test rig, deleted nightly" }]).suppressed, false);
    assert.equal(suppressionFor("multi-region-cloudtrail-enabled", undefined, [{ resource: "stack", reason: "organization trail in the management account" }]).suppressed, true);
  });

  it("reports a suppressed violation as an advisory whose message keeps its level: 'suppressed (<level>): <reason>'", async () => {
    const policy = toPolicy(sshEntry, rule) as any;
    const bastion = { ...openSsh, tags: { "kamae:suppress": "restricted-ssh=bastion reachable by design" } };
    const [report, out] = collect();
    await policy.validateResource(resourceArgs("aws:ec2/securityGroup:SecurityGroup", "bastion", bastion), report);
    assert.equal(out.length, 1);
    assert.equal(out[0].enforcementLevel, "advisory");
    assert.match(out[0].message, /^suppressed \(mandatory\): bastion reachable by design\nbastion \(SecurityGroup\) opens SSH/);
    assert.deepEqual(parseSuppressedMessage(out[0].message), { level: "mandatory", reason: "bastion reachable by design", violation: out[0].message.split("\n").slice(1).join("\n") });
    // The level configured for the policy (Configure sends it with the properties) is the one kept.
    const [report2, out2] = collect();
    await policy.validateResource(resourceArgs("aws:ec2/securityGroup:SecurityGroup", "bastion", bastion, { enforcementLevel: "advisory" }), report2);
    assert.match(out2[0].message, /^suppressed \(advisory\): bastion reachable by design\n/);
  });

  it("reads the older form 'suppressed: <reason>' with no level, and nothing else as a suppression", () => {
    assert.deepEqual(parseSuppressedMessage("suppressed: bastion by design\nPort 22 open"), { reason: "bastion by design", violation: "Port 22 open" });
    assert.equal(parseSuppressedMessage("Port 22 is open; suppressed: no"), undefined);
  });

  it("a config key the policy does not take fails the policy, for any resource, instead of being dropped", async () => {
    const policy = toPolicy(sshEntry, rule) as any;
    const [report] = collect();
    // Under the engine this fails the preview with the policy's name and the key, as kamae check refuses the config.
    assert.throws(() => policy.validateResource(resourceArgs("aws:sns/topic:Topic", "t", {}, { suppresions: [] }), report), /policy "restricted-ssh" has no config key "suppresions" \(it takes .*suppressions/);
  });

  it("reports the violation as usual when the reason is too short, saying why", async () => {
    const policy = toPolicy(sshEntry, rule) as any;
    const [report, out] = collect();
    await policy.validateResource(resourceArgs("aws:ec2/securityGroup:SecurityGroup", "b", { ...openSsh, tags: { "kamae:suppress": "restricted-ssh=short" } }), report);
    assert.equal(out.length, 1);
    assert.equal(out[0].enforcementLevel, undefined, "string form: the policy's configured level applies");
    assert.match(out[0].message, /suppression ignored/);
  });

  it("suppresses stack findings through config", async () => {
    const trailPolicy = policies.find((p) => p.name === "multi-region-cloudtrail-enabled") as any;
    const args = (config: Record<string, any>) => ({ resources: [], stackTags: new Map(), getConfig: () => config, notApplicable: () => undefined }) as unknown as StackValidationArgs;
    const [report, out] = collect();
    // An empty stack declares no account-level resources: requiredInEveryStack makes the trail policy judge it anyway.
    await trailPolicy.validateStack(args({ requiredInEveryStack: true, suppressions: [{ resource: "stack", reason: "organization trail in the management account" }] }), report);
    assert.equal(out.length, 1);
    assert.equal(out[0].enforcementLevel, "advisory");
    assert.match(out[0].message, /^suppressed \(mandatory\): organization trail/);
    const [report2, out2] = collect();
    await trailPolicy.validateStack(args({ requiredInEveryStack: true }), report2);
    assert.equal(out2.length, 1);
    assert.equal(out2[0].enforcementLevel, undefined);
  });
});

describe("unknown values", () => {
  it("turns the engine's unknown sentinels into UNKNOWN instead of throwing", () => {
    const plain = plainProperties(unknownCheckingProxy({ a: UNKNOWN_STRING, b: [1, UNKNOWN_STRING], c: { d: "x" } }));
    assert.ok(isUnknown(plain.a));
    assert.equal(plain.b[0], 1);
    assert.ok(isUnknown(plain.b[1]));
    assert.deepEqual(plain.c, { d: "x" });
  });

  it("reports an unknown value as cannot-judge (advisory by default), never as a violation", async () => {
    const policy = toPolicy(catalog.find((e) => e.id === "restricted-ssh")!, rule) as any;
    const [report, out] = collect();
    await policy.validateResource(resourceArgs("aws:ec2/securityGroup:SecurityGroup", "web", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN_STRING }] }), report);
    assert.deepEqual(out, [{ enforcementLevel: "advisory", message: "cannot judge at preview: web (SecurityGroup) has an ingress rule whose source or ports are unknown until the update." }]);
  });
});
