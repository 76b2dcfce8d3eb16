import type { Context } from "aws-lambda";
import { strict as assert } from "node:assert";
import { ACCOUNT, FakeAws, REGION } from "./fakes";
import { BASE_ENV, fixture, INSTANCE, webTier } from "./scenario";

const context = {
  functionName: "kamae-isolate-instance",
  functionVersion: "$LATEST",
  invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:kamae-isolate-instance`,
  memoryLimitInMB: "512",
  awsRequestId: "5f7c9a1e-0000-4000-8000-000000000001",
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

describe("isolate-instance entry point", () => {
  let fake: FakeAws;
  const saved = { ...process.env };
  afterEach(() => {
    fake?.restore();
    process.env = { ...saved };
  });

  it("reads its settings from the environment and runs the whole response", async () => {
    ({ fake } = webTier());
    Object.assign(process.env, BASE_ENV, { AWS_REGION: REGION, AWS_ACCESS_KEY_ID: "AKIAFAKE", AWS_SECRET_ACCESS_KEY: "fake" });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require("../../components/instance-isolation/lambda/isolate-instance.handler") as typeof import("../../components/instance-isolation/lambda/isolate-instance.handler");
    const result = (await handler(fixture("guardduty-backdoor-cc.json"), context)) as { responses: Array<{ instanceId: string; outcome: string }> };
    assert.deepEqual(result.responses.map((r) => [r.instanceId, r.outcome]), [[INSTANCE, "isolated"]]);
    assert.equal(fake.published.length, 1);
    const rejected = (await handler({ kind: "kamae.isolate" }, context)) as { responses: unknown[]; dismissed: Array<{ disposition: string }> };
    assert.deepEqual([rejected.responses.length, rejected.dismissed[0].disposition], [0, "rejected"]);
  });
});
