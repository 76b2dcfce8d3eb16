import { strict as assert } from "node:assert";
import { checkCommands } from "./least-privilege";

describe("least-privilege harness", () => {
  it("catches an un-granted call and a granted action no path uses", () => {
    const policy = { Statement: [{ Effect: "Allow", Action: ["sns:Publish", "s3:PutBucketPolicy"], Resource: ["arn:aws:sns:us-east-1:123456789012:t"] }, { Effect: "Allow", Action: ["kms:GenerateDataKey"], Resource: ["k"] }] };
    const where = { accountId: "123456789012", region: "us-east-1", key: "k" };
    assert.throws(() => checkCommands("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:other" } }], where), /does not allow/);
    assert.throws(() => checkCommands("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }], where), /no tested path uses[\s\S]*s3:PutBucketPolicy/);
    assert.doesNotThrow(() => checkCommands("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }], where, { "s3:PutBucketPolicy": "a reason" }));
  });

});
