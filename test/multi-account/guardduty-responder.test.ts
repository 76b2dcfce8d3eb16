import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { SSMClient } from "@aws-sdk/client-ssm";
import type { Context } from "aws-lambda";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { respondToFinding, type ResponderDeps } from "../../components/guardduty-responder/lambda/responder";
import { settingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { RECOMMENDED_ROUTES } from "../../components/guardduty-responder/lambda/routing";
import { parseQueueMessage } from "../../components/waf-auto-block/lambda/block-request";
import { FakeAws } from "../guardduty-responder/fakes";
import { CENTRAL, type ClientLike, EXTERNAL_ID, FakeSts, MEMBER_A, MEMBER_B, MEMBER_ENV, ROLE_NAME, sentBy, signBeforeSending, STRANGER, whereActs, withCentralCredentials } from "./central-account";

const TOPIC = `arn:aws:sns:us-east-1:${CENTRAL}:kamae-guardduty`;
const ISOLATION = `arn:aws:lambda:us-east-1:${CENTRAL}:function:kamae-isolation`;
const QUEUE = `https://sqs.us-east-1.amazonaws.com/${CENTRAL}/kamae-waf-block`;
const WORKFLOW = `arn:aws:states:us-east-1:${CENTRAL}:stateMachine:kamae-credentials`;
const CENTRAL_KEY = "AKIACENTRALEXAMPLE01";
const SETTINGS_ENV = {
  KAMAE_ROUTES: JSON.stringify(RECOMMENDED_ROUTES),
  KAMAE_ACTION_MODES: JSON.stringify({ isolate: "enforce", block: "enforce", scan: "enforce", restrictCredentials: "enforce", blockPublicAccess: "enforce", protectBucket: "enforce" }),
  KAMAE_TOPIC_ARN: TOPIC,
  KAMAE_TABLE_NAME: "kamae-answered",
  KAMAE_ISOLATION_FUNCTION_ARN: ISOLATION,
  KAMAE_WAF_BLOCK_QUEUE_URL: QUEUE,
  KAMAE_SCAN_DOCUMENT_NAME: "Kamae-AntiMalwareScan",
  KAMAE_CREDENTIAL_WORKFLOW_ARN: WORKFLOW,
};

const shared = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../components/shared/events/fixtures", name), "utf8"));

/** A GuardDuty finding about `account`, aggregated into the central (administrator) account's event bus. */
function findingFrom(fixture: string, account: string, region: string): any {
  const event = shared(fixture);
  event.account = CENTRAL;
  event.region = region;
  event.detail.accountId = account;
  event.detail.region = region;
  event.detail.arn = event.detail.arn.replace(/:[a-z0-9-]+:\d{12}:/, `:${region}:${account}:`);
  return event;
}

/** A command-and-control finding (instance compromise route: scan, isolate, block). */
function commandAndControl(account: string, region: string): any {
  const event = findingFrom("guardduty-network-connection.json", account, region);
  event.detail.type = "Backdoor:EC2/C&CActivity.B";
  event.detail.severity = 8;
  event.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "93.184.216.34";
  return event;
}

/** The account a client signs as: a member's (from its assumed-role keys) or "central" (the function's own keys). */
async function signsAs(client: ClientLike): Promise<{ account: string; region: string }> {
  const { accessKeyId } = await client.config.credentials();
  if (accessKeyId === CENTRAL_KEY) return { account: "central", region: await client.config.region() };
  return whereActs(client);
}

async function where(...classes: Array<{ prototype: { send: unknown } }>): Promise<string[]> {
  const out: string[] = [];
  for (const cls of classes) for (const { client, command } of sentBy(cls)) {
    const w = await signsAs(client);
    out.push(`${command} ${w.account} ${w.region}`);
  }
  return out;
}

describe("Central GuardDutyResponder acting in member accounts (AccountClients + STS + stateful AWS fakes)", () => {
  let aws: FakeAws;
  let sts: FakeSts;
  let logged: Array<{ level: string; message: string; extra: unknown }>;
  const entry = (level: string) => (message: string, extra?: unknown) => void logged.push({ level, message, extra });
  const log = { info: entry("info"), warn: entry("warn"), error: entry("error") } as unknown as ResponderDeps["log"];

  withCentralCredentials(CENTRAL_KEY);
  beforeEach(() => {
    logged = [];
    sts = new FakeSts();
    aws = new FakeAws(sts.clock);
    aws.topics.add(TOPIC);
    aws.functions.add(ISOLATION);
    aws.queues.add(QUEUE);
    aws.stateMachines.add(WORKFLOW);
    signBeforeSending(S3Client, SSMClient, LambdaClient, SQSClient, SNSClient);
  });
  afterEach(() => {
    aws.restore();
    sts.restore();
  });

  const deps = (clients = sts.clients()) => ({ settings: settingsFromEnv(SETTINGS_ENV), clients, reported: aws.reported, bucketChanges: aws.bucketChanges(settingsFromEnv(SETTINGS_ENV)), log, now: sts.clock.now });

  it("scans a member's instance through that account's role in the finding's Region; isolation, block and report stay central and name the account", async () => {
    const event = commandAndControl(MEMBER_A, "eu-west-1");
    const instanceId = event.detail.resource.instanceDetails.instanceId;
    aws.instances.add(instanceId);
    const report = await respondToFinding(event, deps());

    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["scan", "done"], ["isolate", "done"], ["block", "done"], ["notify", "done"]]);
    assert.deepEqual(await where(SSMClient), [`ListCommandsCommand ${MEMBER_A} eu-west-1`, `SendCommandCommand ${MEMBER_A} eu-west-1`]);
    assert.deepEqual(await where(LambdaClient, SQSClient, SNSClient), ["InvokeCommand central us-east-1", "SendMessageCommand central us-east-1", "PublishCommand central us-east-1"]);
    assert.deepEqual(
      sts.assumptions.map((a) => [a.roleArn, a.externalId, a.sessionName, a.stsRegion]),
      [[`arn:aws:iam::${MEMBER_A}:role/${ROLE_NAME}`, EXTERNAL_ID, "kamae-central-test", "eu-west-1"]],
    );
    // What the other components are asked to do names the member account and Region.
    assert.deepEqual([aws.invocations[0].payload.accountId, aws.invocations[0].payload.region, aws.invocations[0].payload.instanceId], [MEMBER_A, "eu-west-1", instanceId]);
    const block = parseQueueMessage(JSON.stringify(aws.messages[0].body));
    assert.ok(block.ok && block.value.kind === "kamae.block");
    assert.deepEqual(block.value.addresses, ["93.184.216.34"]);
    assert.match(aws.published[0].subject!, new RegExp(`in ${MEMBER_A}$`));
    assert.match(aws.published[0].message, new RegExp(`Account ${MEMBER_A}, Region eu-west-1`));

    // The finding redelivered: answered already, nothing sent or published. Without the record (it could not be
    // written), the scan is found already sent in the member account: nothing sent twice.
    assert.equal((await respondToFinding(event, deps())).replay, true);
    assert.equal(aws.published.length, 1);
    aws.answered.clear();
    const replay = await respondToFinding(event, deps());
    assert.equal(replay.outcomes.find((o) => o.action === "scan")!.status, "already");
    assert.equal(aws.commands.length, 1);
  });

  it("hardens a member's bucket with that account's role in its Region, and another member's with its own", async () => {
    aws.buckets.set("uploads-prod", {});
    const clients = sts.clients();
    const report = await respondToFinding(findingFrom("guardduty-s3-api-call.json", MEMBER_B, "ap-northeast-1"), deps(clients));
    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["blockPublicAccess", "done"], ["notify", "done"]]);
    assert.deepEqual(aws.buckets.get("uploads-prod")!.pab, { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    const s3 = await where(S3Client);
    assert.ok(s3.includes(`PutPublicAccessBlockCommand ${MEMBER_B} ap-northeast-1`));
    assert.ok(s3.every((w) => w.endsWith(`${MEMBER_B} ap-northeast-1`)), s3.join("\n"));
    assert.match(aws.published[0].message, new RegExp(`Account ${MEMBER_B}, Region ap-northeast-1`));

    aws.buckets.set("uploads-prod", {});
    await respondToFinding(findingFrom("guardduty-s3-api-call.json", MEMBER_A, "eu-central-1"), deps(clients));
    assert.deepEqual(sts.assumptions.map((a) => [a.roleArn, a.stsRegion]), [
      [`arn:aws:iam::${MEMBER_B}:role/${ROLE_NAME}`, "ap-northeast-1"],
      [`arn:aws:iam::${MEMBER_A}:role/${ROLE_NAME}`, "eu-central-1"],
    ]);
    assert.ok((await where(S3Client)).slice(s3.length).every((w) => w.endsWith(`${MEMBER_A} eu-central-1`)));
  });

  it("refuses a finding about an account that is not enrolled: nothing acted on, no role assumed, the refusal reported with the account", async () => {
    const event = commandAndControl(STRANGER, "eu-west-1");
    aws.instances.add(event.detail.resource.instanceDetails.instanceId);
    aws.buckets.set("uploads-prod", {});
    const report = await respondToFinding(event, deps());
    const bucketReport = await respondToFinding(findingFrom("guardduty-s3-api-call.json", STRANGER, "eu-west-1"), deps());

    assert.deepEqual(report.outcomes.map((o) => [o.action, o.status]), [["scan", "refused"], ["isolate", "refused"], ["block", "refused"], ["notify", "done"]]);
    assert.deepEqual(bucketReport.outcomes.map((o) => [o.action, o.status]), [["blockPublicAccess", "refused"], ["notify", "done"]]);
    for (const o of [...report.outcomes, ...bucketReport.outcomes].filter((x) => x.status === "refused")) assert.match(o.detail, new RegExp(`account ${STRANGER} is not enrolled`));
    assert.deepEqual(aws.calls.filter((c) => !c.startsWith("dynamodb:")), ["sns:Publish", "sns:Publish"], "only the reports (and the home table of answered findings)");
    assert.deepEqual([aws.invocations, aws.messages, aws.commands], [[], [], []]);
    assert.deepEqual(aws.buckets.get("uploads-prod"), {});
    assert.deepEqual(sts.assumptions, []);
    for (const p of aws.published) {
      assert.match(p.subject!, new RegExp(`in ${STRANGER}$`));
      assert.match(p.message, new RegExp(`refused: account ${STRANGER} is not enrolled`));
    }
    const refusal = logged.find((l) => l.level === "error" && /may not act in/.test(l.message));
    assert.ok(refusal && JSON.stringify(refusal.extra).includes(STRANGER));
  });

  it("fails the finding (for a retry) without acting when the member role refuses the external id, and reports the failure", async () => {
    const event = commandAndControl(MEMBER_A, "eu-west-1");
    aws.instances.add(event.detail.resource.instanceDetails.instanceId);
    const stale = sts.clients({ ...MEMBER_ENV, KAMAE_EXTERNAL_ID: "stale-id" });
    await assert.rejects(() => respondToFinding(event, deps(stale)), /scan: AccessDenied/);
    assert.deepEqual(aws.commands, []);
    assert.match(aws.published[0].message, /scan \[enforce\] failed: AccessDenied/);
  });
});

// The entry point as deployed: settings and AccountClients from the environment the component sets with `memberAccounts`.
describe("guardduty-responder entry point in a central deployment", () => {
  const HANDLER = "../../components/guardduty-responder/lambda/guardduty-responder.handler";
  let aws: FakeAws;
  let sts: FakeSts;
  let handler: (event: unknown, context: Context) => Promise<any>;

  withCentralCredentials(CENTRAL_KEY, { ...SETTINGS_ENV, ...MEMBER_ENV, POWERTOOLS_LOG_LEVEL: "SILENT" });
  before(() => {
    delete require.cache[require.resolve(HANDLER)];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = require(HANDLER).handler;
  });
  after(() => {
    delete require.cache[require.resolve(HANDLER)];
  });
  beforeEach(() => {
    sts = new FakeSts();
    sts.clock.nowMs = Date.now(); // the entry point's AccountClients runs on the real clock
    aws = new FakeAws(sts.clock);
    aws.topics.add(TOPIC);
    aws.functions.add(ISOLATION);
    aws.queues.add(QUEUE);
    signBeforeSending(SSMClient);
  });
  afterEach(() => {
    aws.restore();
    sts.restore();
  });

  it("acts in the member account through its role, and refuses an unenrolled one", async () => {
    const event = commandAndControl(MEMBER_B, "us-west-2");
    aws.instances.add(event.detail.resource.instanceDetails.instanceId);
    const report = await handler(event, { functionName: "kamae-guardduty-responder", awsRequestId: "r-1" } as Context);
    assert.equal(report.outcomes.find((o: { action: string }) => o.action === "scan").status, "done");
    assert.deepEqual(await where(SSMClient), [`ListCommandsCommand ${MEMBER_B} us-west-2`, `SendCommandCommand ${MEMBER_B} us-west-2`]);
    assert.deepEqual(sts.assumptions.map((a) => [a.roleArn, a.externalId]), [[`arn:aws:iam::${MEMBER_B}:role/${ROLE_NAME}`, EXTERNAL_ID]]);

    const refused = await handler(commandAndControl(STRANGER, "us-west-2"), { functionName: "kamae-guardduty-responder", awsRequestId: "r-2" } as Context);
    assert.ok(refused.outcomes.filter((o: { action: string }) => o.action !== "notify").every((o: { status: string }) => o.status === "refused"));
    assert.equal(sts.assumptions.length, 1);
    assert.match(aws.published.at(-1)!.subject!, new RegExp(STRANGER));
  });
});
