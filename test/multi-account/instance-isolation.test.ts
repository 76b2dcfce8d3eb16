import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { strict as assert } from "node:assert";
import { Ledger } from "../../components/instance-isolation/lambda/ledger";
import { SnsReporter } from "../../components/instance-isolation/lambda/report";
import { handleEvent, type ResponderDeps } from "../../components/instance-isolation/lambda/respond";
import { isolationSettingsFromEnv } from "../../components/instance-isolation/lambda/settings";
import type { AccountClients } from "../../components/shared/aws/account-clients";
import { logger } from "../../components/shared/runtime/logger";
import { KamaeTags } from "../../components/shared/runtime/tags";
import type { FakeAws } from "../instance-isolation/fakes";
import { BASE_ENV, fixture, INSTANCE, webTier } from "../instance-isolation/scenario";
import { CENTRAL, EXTERNAL_ID, FakeSts, MEMBER_A, MEMBER_B, ROLE_NAME, sentBy, signBeforeSending, STRANGER, whereActs } from "./central-account";

const MEMBER_REGION = "eu-west-1";

/** A GuardDuty finding aggregated into the central (administrator) account about an instance of `account`. */
function findingFrom(account: string, region: string, id = "mbr-finding-1"): any {
  const event = fixture("guardduty-backdoor-cc.json");
  event.account = account;
  event.region = region;
  event.detail.accountId = account;
  event.detail.region = region;
  event.detail.id = id;
  return event;
}

/** The central function's dependencies as its entry point builds them: state and reports in the central account. */
function centralDeps(clients: AccountClients): ResponderDeps {
  const settings = isolationSettingsFromEnv({ ...BASE_ENV, KAMAE_HOME_ACCOUNT_ID: CENTRAL });
  return {
    settings,
    clients,
    ledger: new Ledger(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" })), settings.tableName),
    reporter: new SnsReporter(new SNSClient({ region: "us-east-1" }), settings.reportTopicArn),
    now: () => Date.parse("2026-11-23T04:10:00Z"),
  };
}

/** Every client the responder acted in an account through (EC2, Auto Scaling, ELB), resolved to account and Region. */
async function actingClients(): Promise<Array<{ command: string; region: string; account: string }>> {
  const out = [];
  for (const cls of [EC2Client, AutoScalingClient, ElasticLoadBalancingV2Client]) {
    for (const { client, command } of sentBy(cls)) out.push({ command, ...(await whereActs(client)) });
  }
  return out;
}

describe("Central InstanceIsolation acting in member accounts (AccountClients + STS + stateful AWS fakes)", () => {
  let fake: FakeAws;
  let sts: FakeSts;
  let warnings: Array<{ message: string; extra: unknown[] }>;
  const warn = logger.warn;
  beforeEach(() => {
    ({ fake } = webTier());
    signBeforeSending(EC2Client, AutoScalingClient, ElasticLoadBalancingV2Client);
    sts = new FakeSts();
    warnings = [];
    logger.warn = ((message: string, ...extra: unknown[]) => warnings.push({ message, extra })) as typeof logger.warn;
  });
  afterEach(() => {
    logger.warn = warn;
    fake.restore();
    sts.restore();
  });

  it("isolates an instance of a member account with that account's assumed-role clients in the finding's Region, and says so", async () => {
    const clients = sts.clients();
    const result = await handleEvent(findingFrom(MEMBER_A, MEMBER_REGION), centralDeps(clients));

    assert.deepEqual(result.responses.map((r) => [r.instanceId, r.outcome, r.accountId, r.region]), [[INSTANCE, "isolated", MEMBER_A, MEMBER_REGION]]);
    assert.equal(fake.instances.get(INSTANCE)!.tags[KamaeTags.isolationStatus], "isolated");
    const acting = await actingClients();
    assert.ok(acting.some((c) => c.command === "ModifyNetworkInterfaceAttributeCommand"));
    assert.ok(acting.some((c) => c.command === "DetachInstancesCommand"));
    for (const c of acting) assert.deepEqual([c.command, c.account, c.region], [c.command, MEMBER_A, MEMBER_REGION]);
    // One AssumeRole for the whole response: the member role, with the external id, through STS in the member's Region.
    assert.deepEqual(
      sts.assumptions.map((a) => [a.roleArn, a.externalId, a.sessionName, a.stsRegion]),
      [[`arn:aws:iam::${MEMBER_A}:role/${ROLE_NAME}`, EXTERNAL_ID, "kamae-central-test", MEMBER_REGION]],
    );
    // State and reports stay central; the report names the member account and Region.
    assert.ok(sentBy(SNSClient).length > 0 && sentBy(DynamoDBDocumentClient).length > 0);
    for (const { client } of [...sentBy(SNSClient), ...sentBy(DynamoDBDocumentClient)]) assert.equal(await client.config.region(), "us-east-1");
    const [report] = fake.published.map((p) => p.message);
    assert.deepEqual([report.accountId, report.region, report.outcome], [MEMBER_A, MEMBER_REGION, "isolated"]);
    assert.match(fake.published[0].subject!, new RegExp(`in ${MEMBER_A}/${MEMBER_REGION}`));
  });

  it("reuses the member's credentials across events until shortly before they expire, and keeps accounts apart", async () => {
    const clients = sts.clients();
    const deps = centralDeps(clients);
    await handleEvent(findingFrom(MEMBER_A, MEMBER_REGION, "f-1"), deps);
    assert.equal(sts.assumptions.length, 1, "one session for all the calls of a response");
    sts.clock.advance(30 * 60_000);
    // A replay: already isolated, nothing changes, and the credentials of the first event are reused.
    const replay = await handleEvent(findingFrom(MEMBER_A, MEMBER_REGION, "f-1"), deps);
    assert.equal(replay.responses[0].outcome, "already-isolated");
    for (const c of await actingClients()) assert.equal(c.account, MEMBER_A);
    assert.equal(sts.assumptions.length, 1);

    sts.clock.advance(26 * 60_000); // inside the 5-minute refresh margin of the 60-minute session
    await handleEvent(findingFrom(MEMBER_A, MEMBER_REGION, "f-2"), deps);
    // A fresh session once the first is about to expire. (Calls made concurrently at that moment may each refresh:
    // AccountClients re-checks the cache only after awaiting it; one session would do.)
    const refreshed = sts.assumptions.slice(1);
    assert.ok(refreshed.length >= 1, "a fresh session once the first is about to expire");
    assert.ok(refreshed.every((a) => a.roleArn === sts.assumptions[0].roleArn && a.externalId === EXTERNAL_ID));
    const fresh = new Set(refreshed.map((a) => a.accessKeyId));
    assert.ok(fresh.has((await sentBy(EC2Client).at(-1)!.client.config.credentials()).accessKeyId), "later calls sign with the fresh keys");
    const assumedSoFar = sts.assumptions.length;

    // Another member account and Region: its own role, its own session, its own clients.
    fake.instances.get(INSTANCE)!.tags[KamaeTags.isolationStatus] = "";
    await handleEvent(findingFrom(MEMBER_B, "ap-northeast-1", "f-3"), deps);
    assert.deepEqual(sts.assumptions.slice(assumedSoFar).map((a) => a.roleArn), [`arn:aws:iam::${MEMBER_B}:role/${ROLE_NAME}`]);
    const inB = await Promise.all(sentBy(EC2Client).map(({ client }) => whereActs(client)));
    assert.ok(inB.some((w) => w.account === MEMBER_B && w.region === "ap-northeast-1"));
    assert.ok(inB.every((w) => (w.account === MEMBER_B) === (w.region === "ap-northeast-1")), "no client mixes one account's keys with another's Region");
  });

  it("refuses a finding from an account that is not enrolled: nothing is read or changed, no role assumed, the log names the account", async () => {
    const before = structuredClone(fake.instances.get(INSTANCE));
    const result = await handleEvent(findingFrom(STRANGER, MEMBER_REGION), centralDeps(sts.clients()));
    assert.deepEqual(result.responses, []);
    assert.equal(result.dismissed.length, 1);
    assert.equal(result.dismissed[0].disposition, "rejected");
    assert.match(result.dismissed[0].reason, new RegExp(`account ${STRANGER} is not enrolled`));
    assert.deepEqual(fake.calls, [], "no AWS call at all, in any account");
    assert.deepEqual(fake.instances.get(INSTANCE), before);
    assert.deepEqual(sts.assumptions, []);
    const logged = warnings.find((w) => w.message === "event rejected");
    assert.ok(logged && JSON.stringify(logged.extra).includes(STRANGER), "the rejection is logged with the account");
  });

  it("fails, without acting, when the member role does not trust the function's external id", async () => {
    // The central function is configured with a stale external id: STS refuses, the instance is untouched, and the
    // invocation fails (so the event is retried, then kept in the failure queue) rather than being lost.
    const clients = sts.clients({ KAMAE_HOME_ACCOUNT_ID: CENTRAL, KAMAE_MEMBER_ACCOUNT_IDS: MEMBER_A, KAMAE_MEMBER_ROLE_NAME: ROLE_NAME, KAMAE_EXTERNAL_ID: "stale-id" });
    await assert.rejects(handleEvent(findingFrom(MEMBER_A, MEMBER_REGION), centralDeps(clients)), /isolation incomplete/);
    assert.equal(fake.instances.get(INSTANCE)!.tags[KamaeTags.isolationStatus], undefined);
    assert.deepEqual(fake.writes().filter((c) => !/TransactWriteItems|PutItem/.test(c.op)), []);
  });
});
