import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand, ListRolePoliciesCommand, ListUserPoliciesCommand } from "@aws-sdk/client-iam";
import { strict as assert } from "node:assert";
import { DENY_OLD_SESSIONS_POLICY } from "../../components/guardduty-responder/lambda/credential-steps";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

describeAgainstEndpoint("GuardDutyResponder's credential steps bundle against IAM", function () {
  const iam = new IAMClient({ region });
  const user = uniqueName("kamae-it-alice");
  const breakglass = uniqueName("kamae-it-breakglass");
  let keyId: string;
  let fn: LambdaFunction;
  const restrict = (principal: Record<string, string>) =>
    fn.invoke({ step: "restrict", finding: { id: uniqueName("finding"), type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller", accountId: HOME_ACCOUNT, region, principal, updatedAt: new Date().toISOString() } });

  before(async () => {
    await iam.send(new CreateUserCommand({ UserName: user }));
    keyId = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!.AccessKeyId!;
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${HOME_ACCOUNT}:root` }, Action: "sts:AssumeRole" }] });
    await iam.send(new CreateRoleCommand({ RoleName: breakglass, AssumeRolePolicyDocument: trust }));
    // The environment GuardDutyResponder gives its steps function (protected principals included).
    fn = await LambdaFunction.start("guardduty-credential-steps", {
      KAMAE_REPORT_BUCKET: uniqueName("kamae-it-reports"),
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_PROTECTED_PRINCIPALS: JSON.stringify(["kamae-it-breakglass-*", "arn:*:iam::*:role/kamae/*"]),
    });
  });
  after(() => fn?.stop());

  it("the access key the finding names is Inactive after the step, and the user's older sessions are denied", async () => {
    const out = await restrict({ type: "IAMUser", name: user, accessKeyId: keyId });
    assert.equal(out.error, undefined, JSON.stringify(out.error));
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? [];
    assert.equal(keys.find((k) => k.AccessKeyId === keyId)?.Status, "Inactive");
    assert.deepEqual((out.result as any).accessKey, { id: keyId, status: "deactivated" });
    assert.ok((await iam.send(new ListUserPoliciesCommand({ UserName: user }))).PolicyNames?.includes(DENY_OLD_SESSIONS_POLICY));
  });

  it("a protected role is left untouched, and the report says so", async () => {
    const out = await restrict({ type: "AssumedRole", name: breakglass });
    assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: breakglass }))).PolicyNames ?? [], []);
    assert.equal((out.result as any).changed, false);
    assert.match((out.result as any).refused.join("\n"), /protected principal/);
  });
});
