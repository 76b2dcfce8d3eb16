import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { AccountClients, AccountNotEnrolledError, accountAccessFromEnv, queueUrlTarget } from "../../components/shared/aws/account-clients";
import { ConfigurationError } from "../../components/shared/runtime/env";
import { awsError, FakeClock } from "../harness/aws";

const HOME = "111111111111";
const MEMBER = "222222222222";

describe("AccountClients: clients for the account and Region an event names", () => {
  const sts = mockClient(STSClient);
  let clock: FakeClock;
  let assumed: Array<{ RoleArn?: string; ExternalId?: string }>;

  beforeEach(() => {
    sts.reset();
    clock = new FakeClock();
    assumed = [];
    sts.on(AssumeRoleCommand).callsFake((input) => {
      // Like STS: the external id is part of the trust policy; a wrong one is AccessDenied.
      if (input.ExternalId !== "ext-123") throw awsError("AccessDenied", "not authorized to perform sts:AssumeRole", { httpStatusCode: 403 });
      assumed.push(input);
      return { Credentials: { AccessKeyId: `AKIA${assumed.length}`, SecretAccessKey: "s", SessionToken: "t", Expiration: new Date(clock.now() + 3600_000) } };
    });
  });

  const make = (externalId = "ext-123") =>
    new AccountClients(
      { homeAccountId: HOME, memberAccountIds: [MEMBER], memberRoleName: "kamae-responder", externalId, sessionName: "kamae-test" },
      { sts: () => new STSClient({ region: "us-east-1" }), now: clock.now },
    );

  it("uses the function's own credentials in the home account and caches clients per account and Region", () => {
    const clients = make();
    const a = clients.client(EC2Client, { accountId: HOME, region: "eu-west-1" });
    assert.equal(a, clients.client(EC2Client, { accountId: HOME, region: "eu-west-1" }));
    assert.notEqual(a, clients.client(EC2Client, { accountId: HOME, region: "us-east-1" }));
    assert.equal(assumed.length, 0);
  });

  it("assumes the member role with the external id, and reuses credentials until shortly before expiry", async () => {
    const clients = make();
    const client = clients.client(EC2Client, { accountId: MEMBER, region: "ap-northeast-1" });
    const first = await client.config.credentials();
    assert.equal(first.accessKeyId, "AKIA1");
    assert.equal(assumed[0].RoleArn, `arn:aws:iam::${MEMBER}:role/kamae-responder`);
    clock.advance(30 * 60_000);
    assert.equal((await client.config.credentials()).accessKeyId, "AKIA1");
    clock.advance(26 * 60_000); // inside the 5-minute refresh margin
    assert.equal((await clients.client(EC2Client, { accountId: MEMBER, region: "ap-northeast-1" }).config.credentials()).accessKeyId, "AKIA2");
  });

  it("shares one AssumeRole among concurrent calls, also when the credentials are due for refresh", async () => {
    // A stand-in client class hands us the raw provider (SDK clients memoize it, which would hide a race here).
    class CapturingClient {
      constructor(readonly config: { region: string; credentials?: () => Promise<{ accessKeyId: string }> }) {}
    }
    const provider = make().client(CapturingClient, { accountId: MEMBER, region: "us-east-1" }).config.credentials!;
    await Promise.all([provider(), provider(), provider()]);
    assert.equal(assumed.length, 1);
    clock.advance(56 * 60_000);
    const refreshed = await Promise.all([provider(), provider(), provider()]);
    assert.equal(assumed.length, 2);
    assert.deepEqual(refreshed.map((c) => c.accessKeyId), ["AKIA2", "AKIA2", "AKIA2"]);
  });

  it("refuses accounts that are not enrolled and malformed targets", () => {
    const clients = make();
    assert.throws(() => clients.client(EC2Client, { accountId: "333333333333", region: "us-east-1" }), AccountNotEnrolledError);
    assert.throws(() => clients.client(EC2Client, { accountId: "12345", region: "us-east-1" }), AccountNotEnrolledError);
    assert.throws(() => clients.client(EC2Client, { accountId: HOME, region: "us-east-1; rm -rf" }), AccountNotEnrolledError);
  });

  it("surfaces a refused AssumeRole and retries it on the next call", async () => {
    const clients = make("wrong");
    const client = clients.client(EC2Client, { accountId: MEMBER, region: "us-east-1" });
    await assert.rejects(() => client.config.credentials(), /AssumeRole|not authorized/);
  });

  it("reads its settings from the environment with clear errors", () => {
    assert.deepEqual(accountAccessFromEnv({ KAMAE_HOME_ACCOUNT_ID: HOME, KAMAE_MEMBER_ACCOUNT_IDS: `${MEMBER}, `, KAMAE_MEMBER_ROLE_NAME: "r" }).memberAccountIds, [MEMBER]);
    assert.throws(() => accountAccessFromEnv({ KAMAE_MEMBER_ACCOUNT_IDS: MEMBER }), ConfigurationError);
    assert.throws(() => accountAccessFromEnv({ KAMAE_HOME_ACCOUNT_ID: "abc" }), /12-digit/);
  });
});

describe("queueUrlTarget: where a queue lives, from its URL", () => {
  it("reads the Region from AWS's hosts and the account from the path", () => {
    assert.deepEqual(queueUrlTarget(`https://sqs.eu-west-1.amazonaws.com/${HOME}/kamae-waf-block`, "us-east-1"), { accountId: HOME, region: "eu-west-1" });
    assert.deepEqual(queueUrlTarget(`https://sqs.cn-north-1.amazonaws.com.cn/${HOME}/q.fifo`.replace(".fifo", ""), undefined), { accountId: HOME, region: "cn-north-1" });
    assert.deepEqual(queueUrlTarget(`https://ap-south-1.queue.amazonaws.com/${HOME}/q`, undefined), { accountId: HOME, region: "ap-south-1" });
  });

  it("takes the function's Region for hosts that name none (an emulator, a VPC endpoint's private name)", () => {
    assert.deepEqual(queueUrlTarget(`http://127.0.0.1:4566/${HOME}/kamae-waf-block`, "us-east-2"), { accountId: HOME, region: "us-east-2" });
    assert.throws(() => queueUrlTarget(`http://127.0.0.1:4566/${HOME}/q`, undefined), /AWS_REGION/);
  });

  it("refuses what is not a queue URL", () => {
    for (const bad of ["sqs", `https://sqs.us-east-1.amazonaws.com/${HOME}`, `https://sqs.us-east-1.amazonaws.com/12/q`, `ftp://h/${HOME}/q`, `http://sqs.us-east-1.amazonaws.com/${HOME}/q`, `https://h/${HOME}/q?x=1`, `https://evil.amazonaws.com/${HOME}/q`]) {
      assert.throws(() => queueUrlTarget(bad, "us-east-1"), ConfigurationError, bad);
    }
  });
});
