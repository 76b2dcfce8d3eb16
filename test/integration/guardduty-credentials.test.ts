import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand, ListRolePoliciesCommand, ListUserPoliciesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { strict as assert } from "node:assert";
import { DENY_OLD_SESSIONS_POLICY, restrictPrincipal, type StepDeps } from "../../components/guardduty-responder/lambda/credential-steps";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { describeAgainstEndpoint, uniqueName } from "./endpoint";

const region = process.env.AWS_REGION ?? "us-east-1";

describeAgainstEndpoint("GuardDutyResponder's credential step against IAM", function () {
  const iam = new IAMClient({ region });
  const user = uniqueName("kamae-it-alice");
  const breakglass = uniqueName("kamae-it-breakglass");
  let accountId: string;
  let keyId: string;
  const deps = (): StepDeps => ({
    settings: { reportBucket: "unused", lookbackHours: 24, maxEvents: 50, protectedPrincipals: ["kamae-it-breakglass-*"] },
    clients: new AccountClients({ homeAccountId: accountId, memberAccountIds: [], sessionName: "kamae-it" }),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    home: { accountId, region },
  });
  const finding = (principal: Record<string, string>) => ({ id: uniqueName("finding"), type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller", accountId, region, principal: principal as never, updatedAt: new Date().toISOString() });

  before(async () => {
    accountId = (await new STSClient({ region }).send(new GetCallerIdentityCommand({}))).Account!;
    await iam.send(new CreateUserCommand({ UserName: user }));
    keyId = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!.AccessKeyId!;
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "sts:AssumeRole" }] });
    await iam.send(new CreateRoleCommand({ RoleName: breakglass, AssumeRolePolicyDocument: trust }));
  });

  it("the access key the finding names is Inactive after the step, and the user's older sessions are denied", async () => {
    const result = await restrictPrincipal(finding({ type: "IAMUser", name: user, accessKeyId: keyId }), deps());
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? [];
    assert.equal(keys.find((k) => k.AccessKeyId === keyId)?.Status, "Inactive");
    assert.deepEqual(result.accessKey, { id: keyId, status: "deactivated" });
    assert.ok((await iam.send(new ListUserPoliciesCommand({ UserName: user }))).PolicyNames?.includes(DENY_OLD_SESSIONS_POLICY));
  });

  it("a protected role is left untouched, and the report says so", async () => {
    const result = await restrictPrincipal(finding({ type: "AssumedRole", name: breakglass }), deps());
    assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: breakglass }))).PolicyNames ?? [], []);
    assert.equal(result.changed, false);
    assert.match(result.refused.join("\n"), /protected principal/);
  });
});
