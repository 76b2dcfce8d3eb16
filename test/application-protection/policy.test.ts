import { PolicyResource, StackValidationArgs, StackValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { strict as assert } from "node:assert";
import { functionsWithoutProtection, ProtectionPolicyConfig } from "../../components/application-protection/policy";
import { policies } from "../../policies/policies";
import { KamaeTags } from "../../components/shared/runtime/tags";

const LAYER = "arn:aws:lambda:us-east-1:800880067056:layer:CloudOne-ApplicationSecurity-nodejs20_x:3";
const OTHER = "arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:7";

function resource(name: string, type: string, props: Record<string, any>): PolicyResource {
  return {
    type,
    name,
    urn: `urn:pulumi:prod::shop::${type}::${name}`,
    props,
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  } as unknown as PolicyResource;
}

/** The pack's policy: the one definition, with the catalog's configuration. */
const applicationProtectionPolicy = policies.find((p) => p.name === "lambda-functions-have-application-protection") as StackValidationPolicy;

const fn = (name: string, props: Record<string, any>) => resource(name, "aws:lambda/function:Function", props);

/** Runs the policy as the engine would: hand-built StackValidationArgs, collecting the violations. */
async function run(resources: PolicyResource[], config: ProtectionPolicyConfig = {}): Promise<Array<{ message: string; urn?: string }>> {
  const violations: Array<{ message: string; urn?: string }> = [];
  const args: StackValidationArgs = {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
  try {
    await applicationProtectionPolicy.validateStack(args, (message, urn) => violations.push({ message, urn }));
  } catch (e) {
    // As the pack server does: a policy that says it does not apply reports nothing.
    if (!(e as Error).message.startsWith("not applicable:")) throw e;
  }
  return violations;
}

describe("the application protection stack policy", () => {
  it("is a named, advisory stack policy with a config schema", () => {
    assert.equal(applicationProtectionPolicy.name, "lambda-functions-have-application-protection");
    assert.equal(applicationProtectionPolicy.enforcementLevel, "advisory");
    assert.deepEqual(Object.keys(applicationProtectionPolicy.configSchema!.properties).sort(), ["cannotJudge", "includeKamaeResponders", "layerArns", "layerNamePattern", "optOutTagKey", "suppressions"]);
  });

  it("passes a compliant stack: every function protected or opted out", async () => {
    const violations = await run([
      fn("api", { layers: [OTHER, LAYER] }),
      fn("worker", { layers: [LAYER.replace(/:3$/, ":4")] }),
      fn("legacy", { layers: [], tags: { [KamaeTags.protectionOptOut]: "true" } }),
      resource("queue", "aws:sqs/queue:Queue", {}),
    ]);
    assert.deepEqual(violations, []);
  });

  it("reports each unprotected function by URN on a non-compliant stack", async () => {
    const violations = await run([
      fn("api", { layers: [LAYER] }),
      fn("report", { layers: [OTHER] }),
      fn("cron", {}),
      fn("half-opted", { tags: { [KamaeTags.protectionOptOut]: "false" } }),
    ]);
    assert.deepEqual(violations.map((v) => v.urn), ["report", "cron", "half-opted"].map((n) => `urn:pulumi:prod::shop::aws:lambda/function:Function::${n}`));
    assert.match(violations[0].message, /Lambda function "report" has no application protection layer \(layers: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:7\)/);
    assert.match(violations[1].message, /layers: none/);
  });

  it("leaves Kamae's own responders out unless configured to include them", async () => {
    const responder = fn("patch-patcher-function", {});
    (responder as any).urn = "urn:pulumi:prod::shop::kamae:index:PatchOnFinding$kamae:shared:ResponderFunction$aws:lambda/function:Function::patch-patcher-function";
    assert.deepEqual(await run([responder]), []);
    assert.equal((await run([responder], { includeKamaeResponders: true })).length, 1);
  });

  it("honours configured layer ARNs (any version) and opt-out tag", async () => {
    const mine = "arn:aws:lambda:eu-west-1:210987654321:layer:acme-protect";
    const config = { layerArns: [`${mine}:1`], optOutTagKey: "security:exempt" };
    const violations = await run([fn("a", { layers: [`${mine}:9`] }), fn("b", { layers: [LAYER] }), fn("c", { tags: { "security:exempt": "true" } })], config);
    assert.deepEqual(violations.map((v) => v.urn?.split("::").pop()), ["b"]);
  });

  it("does not report a function whose layers are unknown in the preview", async () => {
    const unknown = fn("pending", {});
    Object.defineProperty(unknown, "props", {
      get: () =>
        // As the engine's props: the key is there, reading its value throws.
        new Proxy({ layers: undefined }, {
          get: () => {
            throw new (UnknownValueError as any)("04da6b54-80e4-46f7-96ec-b56ff0331ba9", ["layers"]);
          },
        }),
    });
    assert.deepEqual(await run([unknown]), []);
  });

  it("is a pure function the pack can compose", () => {
    const found = functionsWithoutProtection([{ urn: "u", type: "aws:lambda/function:Function", name: "x", props: { layers: ["arn:aws:lambda:us-east-1:1:layer:not-it:1"] } }]);
    assert.equal(found.length, 1);
    assert.throws(() => functionsWithoutProtection([], { layerNamePattern: "(" }), /not a valid regular expression/);
  });
});
