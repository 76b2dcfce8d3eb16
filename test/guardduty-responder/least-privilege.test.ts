import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GuardDutyResponder, RECOMMENDED_ROUTES } from "../../components/guardduty-responder";
import { runStep } from "../../components/guardduty-responder/lambda/credential-steps";
import { respondToFinding } from "../../components/guardduty-responder/lambda/responder";
import { settingsFromEnv, stepSettingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { FakeClock } from "../harness/aws";
import { evaluate } from "../harness/iam-evaluator";
import { builtFunction, checkCommands, commandsOf } from "../harness/least-privilege";
import { ACCOUNT_ID, iamDocuments, REGION, settle, useOfflineMocks, valueOf } from "../harness/pulumi";
import { FakeAws } from "./fakes";

/**
 * Every AWS call the code makes is granted, and nothing more: the component is built (its policies come from
 * permissions.ts), its functions run every path against the fakes with the settings the component gives them, and
 * each command sent is evaluated, with its resource ARNs, against that function's policy. A command not allowed
 * fails (an AccessDenied in production); so does a granted action that no path uses.
 */

const fixture = (path: string) => JSON.parse(readFileSync(join(__dirname, "../../components", path), "utf8"));
const ISOLATION = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:isolation`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:waf-block`;
const QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT_ID}/waf-block`;


describe("GuardDutyResponder: every AWS call is granted, and nothing more", () => {
  let aws: FakeAws;
  let clock: FakeClock;
  beforeEach(async () => {
    await useOfflineMocks();
    clock = new FakeClock(Date.parse("2026-11-23T00:00:00Z"));
    aws = new FakeAws(clock);
    aws.iamAccountId = ACCOUNT_ID;
  });
  afterEach(() => aws.restore());

  it("for every route's action, the responder's and the credential steps' calls match their policies", async () => {
    const gd = new GuardDutyResponder("gd", {
      routes: [...RECOMMENDED_ROUTES],
      modes: { isolate: "enforce", block: "enforce", scan: "enforce", restrictCredentials: "enforce", blockPublicAccess: "enforce", protectBucket: "enforce" },
      isolationFunctionArn: ISOLATION,
      wafBlockQueueArn: QUEUE_ARN,
      wafBlockQueueUrl: QUEUE_URL,
      scanDocumentName: "Kamae-AntiMalwareScan",
    });
    await settle();
    const key = await valueOf(gd.kmsKeyArn);
    const responder = builtFunction("gd-responder");
    const credentialSteps = builtFunction("gd-credential-steps");
    const settings = settingsFromEnv(responder.env);
    const steps = stepSettingsFromEnv(credentialSteps.env);
    aws.topics.add(settings.topicArn);
    aws.functions.add(ISOLATION);
    aws.queues.add(QUEUE_URL);
    aws.stateMachines.add(settings.credentialWorkflowArn!);
    const clients = new AccountClients({ homeAccountId: ACCOUNT_ID, memberAccountIds: [], sessionName: "t" });
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const home = (event: any) => ((event.detail.accountId = ACCOUNT_ID), (event.account = ACCOUNT_ID), event);

    // The responder: an instance finding (scan, isolate, block), a credential finding, a public bucket, Macie.
    const cc = home(fixture("shared/events/fixtures/guardduty-network-connection.json"));
    cc.detail.severity = 8;
    cc.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "93.184.216.34";
    aws.instances.add(cc.detail.resource.instanceDetails.instanceId);
    const bucketEvent = home(fixture("shared/events/fixtures/guardduty-s3-api-call.json"));
    aws.buckets.set(bucketEvent.detail.resource.s3BucketDetails[0].name, {});
    aws.buckets.set("customer-exports", { encryption: "AES256", policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    const deps = { settings, clients, reported: aws.reportedIn(settings.tableName), bucketChanges: aws.bucketChanges(settings, settings.tableName), log, now: clock.now };
    for (const event of [cc, home(fixture("shared/events/fixtures/guardduty-aws-api-call.json")), bucketEvent, home(fixture("guardduty-responder/fixtures/macie-sensitive-data.json"))]) {
      const report = await respondToFinding(event, deps);
      assert.ok(report.outcomes.every((o) => o.status === "done"), JSON.stringify(report.outcomes));
    }
    checkCommands("guardduty-responder", responder.policy, commandsOf(aws.mocks), { accountId: ACCOUNT_ID, region: REGION, key });

    // The credential steps, on a fresh record of commands: a user's long-term key, a role's sessions, the report.
    aws.restore();
    aws = new FakeAws(clock);
    aws.iamAccountId = ACCOUNT_ID;
    aws.principals.set("user/alice", new Map());
    aws.principals.set("role/web-role", new Map());
    aws.accessKeys.set("AKIAEXAMPLELONGTERM1", { userName: "alice", status: "Active" });
    aws.buckets.set(steps.reportBucket, { encryption: "aws:kms" });
    const stepDeps = { settings: steps, clients, log, now: clock.now, sleep: clock.sleep, home: { accountId: ACCOUNT_ID, region: REGION } };
    const finding = { id: "f1", type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller", accountId: ACCOUNT_ID, region: REGION, createdAt: "2026-11-22T23:00:00Z" };
    await runStep({ step: "restrict", finding: { ...finding, principal: { type: "IAMUser", name: "alice", accessKeyId: "AKIAEXAMPLELONGTERM1" } } }, stepDeps);
    await runStep({ step: "restrict", finding: { ...finding, principal: { type: "AssumedRole", name: "web-role" } } }, stepDeps);
    await runStep({ step: "gather", finding: { ...finding, principal: { type: "AssumedRole", name: "web-role" } } }, stepDeps);
    checkCommands("guardduty-credential-steps", credentialSteps.policy, commandsOf(aws.mocks), { accountId: ACCOUNT_ID, region: REGION, key });
  });

  it("bucket writes reach only the buckets of the finding's account", async () => {
    new GuardDutyResponder("gd", { routes: [{ name: "public", typePrefixes: ["Policy:S3/"], actions: ["blockPublicAccess"] }, { name: "sensitive", source: "macie", actions: ["protectBucket"] }] });
    await settle();
    const policy = iamDocuments().find((d) => d.resource === "gd-responder-permissions")!.document;
    const put = (account: string) => evaluate({ identity: [policy] }, { action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::shared-data", context: { "s3:ResourceAccount": account } }).decision;
    assert.equal(put(ACCOUNT_ID), "allowed");
    assert.equal(put("999988887777"), "implicitDeny");
  });
});
