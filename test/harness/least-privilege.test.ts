import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkCommands } from "./least-privilege";

const ROOT = join(__dirname, "..", "..");

describe("least-privilege harness", () => {
  it("catches an un-granted call and a granted action no path uses", () => {
    const policy = { Statement: [{ Effect: "Allow", Action: ["sns:Publish", "s3:PutBucketPolicy"], Resource: ["arn:aws:sns:us-east-1:123456789012:t"] }, { Effect: "Allow", Action: ["kms:GenerateDataKey"], Resource: ["k"] }] };
    const where = { accountId: "123456789012", region: "us-east-1", key: "k" };
    assert.throws(() => checkCommands("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:other" } }], where), /does not allow/);
    assert.throws(() => checkCommands("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }], where), /no tested path uses[\s\S]*s3:PutBucketPolicy/);
    assert.doesNotThrow(() => checkCommands("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }], where, { "s3:PutBucketPolicy": "a reason" }));
  });

  it("every function Kamae ships has its least-privilege test", () => {
    const bundles = readdirSync(join(ROOT, "components"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".handler.ts"))
      .map((f) => f.split(/[\\/]/).at(-1)!.replace(/\.handler\.ts$/, ""));
    const tests = readdirSync(join(ROOT, "test"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("least-privilege.test.ts"))
      .map((f) => readFileSync(join(ROOT, "test", f), "utf8"))
      .join("\n");
    assert.ok(bundles.length >= 12, bundles.join(", "));
    // Each test names the bundle it checks (checkCommands' first argument).
    assert.deepEqual(bundles.filter((b) => !tests.includes(`"${b}"`)), []);
  });
});
