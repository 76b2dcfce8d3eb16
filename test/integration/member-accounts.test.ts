import { ListBucketsCommand, ListObjectVersionsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { strict as assert } from "node:assert";
import { malwareScanResult, reportTopic, stateTable, versionedBuckets } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

const MEMBER = "210987654321";
const ROLE = "kamae-it-member-access";

/** Credentials of a principal in the member account (moto keeps state per account; AssumeRole switches to it). */
async function memberCredentials(sessionName: string) {
  const out = await new STSClient({ region }).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/OrganizationAccountAccessRole`, RoleSessionName: sessionName }));
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
}

describeAgainstEndpoint("A central deployment acts in a member account through the role it assumes there", function () {
  let member: S3Client;
  const home = new S3Client({ region, forcePathStyle: true });
  const source = uniqueName("kamae-it-member-uploads");
  const quarantine = uniqueName("kamae-it-member-quarantine");
  const key = "invoice.pdf";
  let version: string;
  let fn: LambdaFunction;

  before(async () => {
    const credentials = await memberCredentials("kamae-it-setup");
    member = new S3Client({ region, forcePathStyle: true, credentials });
    // The role MemberAccountAccess creates in the member account, which the responder assumes.
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${HOME_ACCOUNT}:root` }, Action: "sts:AssumeRole" }] });
    await new IAMClient({ region, credentials }).send(new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: trust }));
    await versionedBuckets(member, source, quarantine);
    version = (await member.send(new PutObjectCommand({ Bucket: source, Key: key, Body: "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR" }))).VersionId!;
    const reports = await reportTopic("kamae-it-member-reports");
    fn = await LambdaFunction.start("malware-quarantine", {
      KAMAE_MODE: "enforce",
      KAMAE_QUARANTINE_BUCKET: quarantine,
      KAMAE_REPORT_TOPIC_ARN: reports.topicArn,
      // The record of answered results stays in the home account.
      KAMAE_TABLE_NAME: await stateTable("kamae-it-member-answered"),
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_MEMBER_ACCOUNT_IDS: MEMBER,
      KAMAE_MEMBER_ROLE_NAME: ROLE,
    });
  });
  after(() => fn?.stop());

  it("quarantines the member account's object in the member account; the home account has no such buckets", async () => {
    const out = await fn.invoke(malwareScanResult({ id: "7b0c2a3e-0000-4000-8000-0000000000aa", account: MEMBER, bucket: source, key, versionId: version, malicious: true }));
    assert.equal(out.error, undefined, fn.logText());
    const left = await member.send(new ListObjectVersionsCommand({ Bucket: source }));
    assert.equal((left.Versions ?? []).length, 0, "the scanned version left the member's bucket");
    const moved = await member.send(new ListObjectVersionsCommand({ Bucket: quarantine }));
    assert.deepEqual((moved.Versions ?? []).map((v) => v.Key), [`${source}/${key}`]);
    const homeBuckets = ((await home.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);
    assert.equal(homeBuckets.includes(quarantine) || homeBuckets.includes(source), false, "the buckets are the member's, not the home account's");
  });
});
