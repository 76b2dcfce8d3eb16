import { strict as assert } from "node:assert";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import { createEncryptionKey } from "../../components/shared/kms";
import { functionBundlePath, packageRoot } from "../../components/shared/infra/artifact";
import { ResponderFunction } from "../../components/shared/infra/responder-function";
import { AccountClients, accountAccessFromEnv } from "../../components/shared/aws/account-clients";
import { ACCOUNT_ID, REGION, resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

function someBuiltFunction(): string {
  const dir = join(packageRoot(), "dist", "functions");
  const names = existsSync(dir) ? readdirSync(dir) : [];
  if (names.length === 0) throw new Error("no bundles built: run `npm run build:functions` first");
  return names[0];
}

describe("ResponderFunction", () => {
  beforeEach(() => useOfflineMocks());

  it("refuses events naming a Region other than the deployment's own and the configured ones", async () => {
    const key = createEncryptionKey("k", { description: "test", allowCloudWatchLogs: true, servicePrincipals: ["sqs.amazonaws.com"] }, {});
    const base = { code: someBuiltFunction(), description: "t", kmsKey: key, statements: [], alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:alarms" };
    new ResponderFunction("single", base);
    new ResponderFunction("central", { ...base, memberAccounts: { accountIds: ["444455556666"], roleName: "kamae-member", externalId: "e", regions: ["eu-west-1"] } });
    await settle();
    const env = (name: string) => resourcesOfType("aws:lambda/function:Function").find((f) => f.name === `${name}-function`)!.inputs.environment.variables;
    const clients = (name: string) => new AccountClients(accountAccessFromEnv(env(name)));
    assert.throws(() => clients("single").check({ accountId: ACCOUNT_ID, region: "eu-west-1" }), /Region eu-west-1 is not one the responders may act in/);
    clients("single").check({ accountId: ACCOUNT_ID, region: REGION });
    clients("central").check({ accountId: "444455556666", region: "eu-west-1" });
    assert.throws(() => clients("central").check({ accountId: "444455556666", region: "ap-south-1" }), /Region ap-south-1/);
  });

  it("creates a function with its own least-privilege role, encrypted logs, a failure queue and an alarm", async () => {
    const key = createEncryptionKey("k", { description: "test", allowCloudWatchLogs: true, servicePrincipals: ["sqs.amazonaws.com"] }, {});
    new ResponderFunction("fn", {
      code: someBuiltFunction(),
      description: "test responder",
      kmsKey: key,
      environment: { MODE: "detect" },
      statements: [{ sid: "Describe", actions: ["ec2:DescribeInstances"], resources: ["*"] }],
      alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:alarms",
    });
    await settle();

    const [fn] = resourcesOfType("aws:lambda/function:Function");
    assert.equal(fn.inputs.runtime, "nodejs24.x");
    assert.deepEqual(fn.inputs.architectures, ["arm64"]);
    assert.equal(fn.inputs.environment.variables.MODE, "detect");
    assert.equal(fn.inputs.environment.variables.NODE_OPTIONS, "--enable-source-maps");
    assert.ok(fn.inputs.kmsKeyArn, "environment not encrypted with the key");

    const [logs] = resourcesOfType("aws:cloudwatch/logGroup:LogGroup");
    assert.ok(logs.inputs.kmsKeyId && logs.inputs.retentionInDays > 0);
    const [queue] = resourcesOfType("aws:sqs/queue:Queue");
    assert.ok(queue.inputs.kmsMasterKeyId);
    const [invokeConfig] = resourcesOfType("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
    assert.equal(invokeConfig.inputs.destinationConfig.onFailure.destination, queue.state.arn);
    const [alarm] = resourcesOfType("aws:cloudwatch/metricAlarm:MetricAlarm");
    assert.deepEqual(alarm.inputs.alarmActions, ["arn:aws:sns:us-east-1:123456789012:alarms"]);

    const [role] = resourcesOfType("aws:iam/role:Role");
    const trust = JSON.parse(role.inputs.assumeRolePolicy);
    assert.deepEqual(trust.Statement[0].Principal, { Service: "lambda.amazonaws.com" });
    assert.equal(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"], ACCOUNT_ID);
    const policy = parsePolicyDocument(resourcesOfType("aws:iam/rolePolicy:RolePolicy")[0].inputs.policy);
    assert.equal(grantsWildcardAction(policy), false);
    const logStatement = policy.Statement.find((s) => s.Sid === "WriteOwnLogs");
    assert.deepEqual(logStatement?.Resource, [`${logs.state.arn}:*`]);
  });

  it("acts in enrolled member accounts only through their MemberAccountAccess role, and always knows its home account", async () => {
    const key = createEncryptionKey("k", { description: "test" }, {});
    new ResponderFunction("fn", {
      code: someBuiltFunction(),
      description: "central responder",
      kmsKey: key,
      statements: [],
      memberAccounts: { accountIds: ["222222222222", "333333333333"], roleName: "kamae-central-responder", externalId: "ext-1234" },
    });
    await settle();
    const env = resourcesOfType("aws:lambda/function:Function")[0].inputs.environment.variables;
    assert.equal(env.KAMAE_HOME_ACCOUNT_ID, ACCOUNT_ID);
    assert.equal(env.KAMAE_MEMBER_ACCOUNT_IDS, "222222222222,333333333333");
    assert.equal(env.KAMAE_MEMBER_ROLE_NAME, "kamae-central-responder");
    assert.equal(env.KAMAE_EXTERNAL_ID, "ext-1234");
    const policy = parsePolicyDocument(resourcesOfType("aws:iam/rolePolicy:RolePolicy")[0].inputs.policy);
    const assume = policy.Statement.find((s) => s.Sid === "ActInMemberAccounts");
    assert.deepEqual(assume?.Resource, ["arn:aws:iam::222222222222:role/kamae-central-responder", "arn:aws:iam::333333333333:role/kamae-central-responder"]);
  });

  it("grants no role assumption without member accounts", async () => {
    const key = createEncryptionKey("k", { description: "test" }, {});
    new ResponderFunction("fn", { code: someBuiltFunction(), description: "single account", kmsKey: key, statements: [] });
    await settle();
    const env = resourcesOfType("aws:lambda/function:Function")[0].inputs.environment.variables;
    assert.equal(env.KAMAE_MEMBER_ACCOUNT_IDS, undefined);
    const policy = parsePolicyDocument(resourcesOfType("aws:iam/rolePolicy:RolePolicy")[0].inputs.policy);
    assert.ok(!policy.Statement.some((s) => s.Action.includes("sts:AssumeRole")));
  });

  it("names the missing bundle clearly", () => {
    assert.throws(() => functionBundlePath("no-such-function"), /bundle of function "no-such-function" is missing.*npm run build/);
  });
});
