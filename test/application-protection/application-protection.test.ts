import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { applicationProtection, applicationProtectionTransform } from "../../components/application-protection";
import { LAMBDA_FUNCTION_TYPE, mergeLayers, namePatternToRegExp } from "../../components/application-protection/merge";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { OfflineMocks } from "../../cli/offline-mocks";
import { valueOf } from "../harness/pulumi";

const LAYER = "arn:aws:lambda:us-east-1:800880067056:layer:CloudOne-ApplicationSecurity-nodejs20_x:3";
const PROTECTION_ENV = { AWS_LAMBDA_EXEC_WRAPPER: "/opt/trend_app_protect", TREND_AP_KEY: "group-key", TREND_AP_READY_TIMEOUT: "30" };
const OTHER_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:7";

async function settled(mocks: OfflineMocks): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await new Promise((r) => setTimeout(r, 5));
    stable = mocks.resources.length === last ? stable + 1 : 0;
    last = mocks.resources.length;
  }
}

const fnArgs = (extra: Partial<aws.lambda.FunctionArgs> = {}): aws.lambda.FunctionArgs => ({
  role: "arn:aws:iam::123456789012:role/app",
  runtime: "nodejs20.x",
  handler: "index.handler",
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 1;") }),
  ...extra,
});

describe("applicationProtection", () => {
  describe("on a stack of several functions", () => {
    let mocks: OfflineMocks;
    beforeEach(async () => {
      mocks = new OfflineMocks();
      await pulumi.runtime.setMocks(mocks, "kamae-test", "test", false);
    });

    const byName = (name: string) => mocks.resources.find((r) => r.name === name)!;

    it("adds the layer and settings to every function, merging with their own, and skips opt-outs and other resources", async () => {
      applicationProtection({ layerArn: LAYER, environment: PROTECTION_ENV });
      new aws.lambda.Function("plain", fnArgs());
      new aws.lambda.Function("own-settings", fnArgs({ layers: [OTHER_LAYER], environment: { variables: { TABLE: "orders", TREND_AP_READY_TIMEOUT: "5" } } }));
      new aws.lambda.Function("opted-out", fnArgs({ tags: { [KamaeTags.protectionOptOut]: "true" }, layers: [OTHER_LAYER] }));
      new aws.sqs.Queue("queue", { tags: { team: "app" } });
      await settled(mocks);

      const plain = byName("plain").inputs;
      assert.deepEqual(plain.layers, [LAYER]);
      assert.deepEqual(plain.environment.variables, PROTECTION_ENV);

      const own = byName("own-settings").inputs;
      assert.deepEqual(own.layers, [OTHER_LAYER, LAYER], "the function's layer is kept, in front");
      assert.deepEqual(own.environment.variables, { ...PROTECTION_ENV, TABLE: "orders", TREND_AP_READY_TIMEOUT: "5" }, "the function's own values win");

      const optedOut = byName("opted-out").inputs;
      assert.deepEqual(optedOut.layers, [OTHER_LAYER]);
      assert.equal(optedOut.environment, undefined);
      assert.equal(byName("queue").inputs.layers, undefined);
    });

    it("applies only to functions matching the tag and name filters", async () => {
      applicationProtection({ layerArn: LAYER, environment: PROTECTION_ENV, tagFilter: { tier: "web" }, namePatterns: ["api-*"] });
      new aws.lambda.Function("api-orders", fnArgs({ tags: { tier: "web" } }));
      new aws.lambda.Function("api-batch", fnArgs({ tags: { tier: "batch" } }));
      new aws.lambda.Function("worker", fnArgs({ tags: { tier: "web" } }));
      await settled(mocks);
      assert.deepEqual(byName("api-orders").inputs.layers, [LAYER]);
      assert.equal(byName("api-batch").inputs.layers, undefined);
      assert.equal(byName("worker").inputs.layers, undefined);
    });

    it("replaces an older version of the same layer instead of stacking both, and is idempotent", async () => {
      applicationProtection({ layerArn: LAYER });
      new aws.lambda.Function("old-version", fnArgs({ layers: [LAYER.replace(/:3$/, ":1"), OTHER_LAYER] }));
      new aws.lambda.Function("current", fnArgs({ layers: [LAYER] }));
      await settled(mocks);
      assert.deepEqual(byName("old-version").inputs.layers, [OTHER_LAYER, LAYER]);
      assert.deepEqual(byName("current").inputs.layers, [LAYER]);
    });
  });

  describe("the transform itself", () => {
    beforeEach(() => pulumi.runtime.setMocks(new OfflineMocks(), "kamae-test", "test", false));
    const call = (t: pulumi.ResourceTransform, props: Record<string, any>, name = "fn") => t({ type: LAMBDA_FUNCTION_TYPE, name, props, opts: {}, custom: true });

    it("merges when values are outputs or secrets, keeping the secret secret", async () => {
      const t = applicationProtectionTransform({ layerArn: pulumi.output(LAYER), environment: { TREND_AP_SECRET: pulumi.secret("s3cr3t") } });
      const result = (await call(t, { layers: pulumi.output([OTHER_LAYER]), environment: { variables: { TABLE: "orders" } } }))!;
      assert.deepEqual(await valueOf(result.props.layers), [OTHER_LAYER, LAYER]);
      const env = result.props.environment as pulumi.Output<any>;
      assert.deepEqual((await valueOf(env)).variables, { TREND_AP_SECRET: "s3cr3t", TABLE: "orders" });
      assert.equal(await (env as any).isSecret, true);
    });

    it("decides on tags that are outputs", async () => {
      const t = applicationProtectionTransform({ layerArn: LAYER });
      const out = (await call(t, { tags: pulumi.output({ [KamaeTags.protectionOptOut]: "true" }), layers: [OTHER_LAYER] }))!;
      assert.deepEqual(await valueOf(out.props.layers), [OTHER_LAYER]);
    });

    it("leaves other resource types alone and refuses a sixth layer with a clear message", async () => {
      const t = applicationProtectionTransform({ layerArn: LAYER });
      assert.equal(await t({ type: "aws:sqs/queue:Queue", name: "q", props: {}, opts: {}, custom: true }), undefined);
      const five = [1, 2, 3, 4, 5].map((i) => `arn:aws:lambda:us-east-1:123456789012:layer:l${i}:1`);
      await assert.rejects(async () => call(t, { layers: five }, "crowded"), /function "crowded" already has 5 layers; Lambda allows 5/);
      assert.deepEqual(mergeLayers(five.slice(0, 4), LAYER, "ok"), [...five.slice(0, 4), LAYER]);
    });

    it("leaves Kamae's own responder functions alone unless asked", async () => {
      const responderUrn = "urn:pulumi:test::kamae-test::kamae:index:PatchOnFinding$kamae:shared:ResponderFunction::patch-patcher";
      const appUrn = "urn:pulumi:test::kamae-test::my:index:Api::api";
      const withParent = (t: pulumi.ResourceTransform, urn: string) =>
        t({ type: LAMBDA_FUNCTION_TYPE, name: "fn", props: {}, opts: { parent: new pulumi.DependencyResource(urn) }, custom: true });
      assert.equal(await withParent(applicationProtectionTransform({ layerArn: LAYER }), responderUrn), undefined);
      assert.deepEqual((await withParent(applicationProtectionTransform({ layerArn: LAYER }), appUrn))!.props.layers, [LAYER]);
      assert.deepEqual((await withParent(applicationProtectionTransform({ layerArn: LAYER, includeKamaeResponders: true }), responderUrn))!.props.layers, [LAYER]);
      // In the program itself the parent is the component object.
      const component = new pulumi.ComponentResource("kamae:shared:ResponderFunction", "responder");
      const t = applicationProtectionTransform({ layerArn: LAYER });
      assert.equal(await t({ type: LAMBDA_FUNCTION_TYPE, name: "fn", props: {}, opts: { parent: component }, custom: true }), undefined);
    });

    it("validates its arguments", () => {
      assert.throws(() => applicationProtectionTransform({ layerArn: "" }), /layerArn is required/);
      assert.throws(() => applicationProtectionTransform({ layerArn: "arn:aws:lambda:us-east-1:800880067056:layer:x" }), /must be a layer version ARN/);
      assert.throws(() => applicationProtectionTransform({ layerArn: LAYER, environment: { "bad-name": "x" } }), /environment variable name "bad-name"/);
      assert.throws(() => applicationProtectionTransform({ layerArn: LAYER, environment: { AWS_REGION: "x" } }), /"AWS_REGION" is reserved by Lambda/);
      assert.throws(() => applicationProtectionTransform({ layerArn: LAYER, namePatterns: [""] }), /a name pattern is empty/);
      assert.throws(() => applicationProtectionTransform({ layerArn: LAYER, tagFilter: { " ": "x" } }), /a tagFilter key is empty/);
    });

    it("treats name patterns as globs, not regular expressions", () => {
      assert.ok(namePatternToRegExp("api-*").test("api-orders"));
      assert.ok(!namePatternToRegExp("api-*").test("my-api-orders"));
      assert.ok(namePatternToRegExp("fn-?").test("fn-1"));
      assert.ok(!namePatternToRegExp("a.b").test("axb"));
      assert.ok(!namePatternToRegExp("(x|y)").test("x"));
    });
  });
});
