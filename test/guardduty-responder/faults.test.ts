import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DENY_INSECURE_SID } from "../../components/guardduty-responder/lambda/bucket-hardening";
import { respondToFinding } from "../../components/guardduty-responder/lambda/responder";
import { settingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { awsError, FakeClock } from "../harness/aws";
import { ENFORCE, ENV, FakeAws, HOME, ISOLATION, MEMBER, QUEUE, TOPIC, WORKFLOW } from "./fakes";

/**
 * Fault injection, call by call: each AWS call of the responder's plans (an instance compromise, stolen credentials,
 * a public bucket, Macie sensitive data) fails once with throttling, a missing permission and a conflict. The run then
 * fails after reporting the failure (so EventBridge retries it and it ends in the failure queue), and the retry
 * completes the response; only the record of answered findings may fail without failing the run, and that is logged.
 * Never a silent partial success; and once complete, a replay is quiet.
 */
const SETTINGS = { ...ENV, KAMAE_ACTION_MODES: ENFORCE };
const fixture = (path: string) => JSON.parse(readFileSync(join(__dirname, "../../components", path), "utf8"));
const BUCKET = fixture("shared/events/fixtures/guardduty-s3-api-call.json").detail.resource.s3BucketDetails[0].name as string;

interface Scenario {
  readonly event: () => any;
  readonly prepare: (aws: FakeAws) => void;
  /** The response is complete: every action of the plan done. */
  readonly complete: (aws: FakeAws) => void;
  /** The calls of the plan this scenario puts under fault (each call once across the scenarios). */
  readonly calls: readonly string[];
}

const SCENARIOS: Record<string, Scenario> = {
  "instance compromise": {
    event: () => {
      const e = fixture("shared/events/fixtures/guardduty-network-connection.json");
      e.detail.severity = 8;
      e.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "93.184.216.34";
      return e;
    },
    prepare: (aws) => aws.instances.add(fixture("shared/events/fixtures/guardduty-network-connection.json").detail.resource.instanceDetails.instanceId),
    complete: (aws) => {
      assert.equal(aws.commands.length, 1, "one scan");
      assert.ok(aws.invocations.length >= 1, "isolation requested");
      assert.ok(aws.messages.length >= 1, "block requested");
    },
    calls: ["dynamodb:GetItem", "ssm:ListCommands", "ssm:SendCommand", "lambda:Invoke", "sqs:SendMessage", "sns:Publish", "dynamodb:PutItem"],
  },
  "stolen credentials": {
    event: () => fixture("shared/events/fixtures/guardduty-aws-api-call.json"),
    prepare: () => undefined,
    complete: (aws) => assert.equal(aws.executions.size, 1, "one credential workflow"),
    calls: ["states:DescribeExecution", "states:StartExecution"],
  },
  "public bucket": {
    event: () => fixture("shared/events/fixtures/guardduty-s3-api-call.json"),
    prepare: (aws) => aws.buckets.set(BUCKET, { tags: { team: "web" } }),
    complete: (aws) => assert.deepEqual(aws.buckets.get(BUCKET)!.pab, { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }),
    calls: ["s3:GetBucketTagging", "s3:GetPublicAccessBlock", "s3:GetBucketEncryption", "s3:GetBucketPolicy", "s3:PutPublicAccessBlock"],
  },
  "Macie sensitive data": {
    event: () => fixture("guardduty-responder/fixtures/macie-sensitive-data.json"),
    prepare: (aws) => aws.buckets.set("customer-exports", { encryption: "AES256" }),
    complete: (aws) => {
      const b = aws.buckets.get("customer-exports")!;
      assert.equal(b.encryption, "aws:kms");
      assert.equal(b.pab?.BlockPublicPolicy, true);
      assert.ok(JSON.parse(b.policy!).Statement.some((s: { Sid?: string }) => s.Sid === DENY_INSECURE_SID));
    },
    calls: ["s3:PutBucketEncryption", "s3:PutBucketPolicy"],
  },
};

const FAULTS: Record<string, (call: string) => Error> = {
  throttling: (call) => (call.startsWith("s3:") ? awsError("SlowDown", "Please reduce your request rate.", { httpStatusCode: 503, fault: "server" }) : awsError("ThrottlingException", "Rate exceeded")),
  "access-denied": (call) => awsError(call.startsWith("s3:") ? "AccessDenied" : "AccessDeniedException", `not authorized to perform ${call}`, { httpStatusCode: 403 }),
  conflict: (call) =>
    call.startsWith("s3:")
      ? awsError("OperationAborted", "A conflicting conditional operation is currently in progress against this resource.", { httpStatusCode: 409 })
      : call.startsWith("dynamodb:")
        ? awsError("TransactionConflictException", "Transaction is ongoing for the item", { httpStatusCode: 400 })
        : call.startsWith("lambda:")
          ? awsError("ResourceConflictException", "The operation cannot be performed at this time.", { httpStatusCode: 409 })
          : awsError("ConflictException", `a concurrent change conflicts with ${call}`, { httpStatusCode: 409 }),
};

const CASES = Object.entries(SCENARIOS).flatMap(([scenario, s]) => s.calls.map((call) => [scenario, call] as const));
export const GUARDDUTY_FAULT_CASES = CASES.length * Object.keys(FAULTS).length;

describe(`GuardDutyResponder fault injection: ${CASES.length} calls × ${Object.keys(FAULTS).length} faults = ${GUARDDUTY_FAULT_CASES} cases (issue 18)`, () => {
  let clock: FakeClock;
  let aws: FakeAws;
  let logged: Array<{ level: string; message: string }>;
  const deps = () => ({
    settings: settingsFromEnv(SETTINGS),
    bucketChanges: aws.bucketChanges(settingsFromEnv(SETTINGS)),
    clients: new AccountClients({ homeAccountId: HOME, memberAccountIds: [MEMBER], memberRoleName: "kamae-member", sessionName: "t" }, { sts: () => ({ send: async () => ({ Credentials: { AccessKeyId: "a", SecretAccessKey: "b", SessionToken: "c", Expiration: new Date(clock.now() + 3600_000) } }) }) as never, now: clock.now }),
    reported: aws.reported,
    log: { info: () => undefined, warn: (message: string) => void logged.push({ level: "warn", message }), error: (message: string) => void logged.push({ level: "error", message }) },
    now: clock.now,
  });

  beforeEach(() => {
    clock = new FakeClock();
    aws = new FakeAws(clock);
    logged = [];
    aws.topics.add(TOPIC);
    aws.functions.add(ISOLATION);
    aws.queues.add(QUEUE);
    aws.stateMachines.add(WORKFLOW);
  });
  afterEach(() => aws.restore());

  for (const [scenario, call] of CASES) {
    for (const [name, fault] of Object.entries(FAULTS)) {
      it(`${scenario}: ${call} fails with ${name}: reported and retried, or complete and logged; the retry completes, a replay is quiet`, async () => {
        const s = SCENARIOS[scenario];
        s.prepare(aws);
        const event = s.event();
        let fired = false;
        aws.fault = (c) => (c === call && !fired ? ((fired = true), fault(call)) : undefined);
        let failed: Error | undefined;
        await respondToFinding(event, deps()).catch((err: Error) => (failed = err));
        assert.ok(fired, `${call} is part of the plan`);
        if (failed) {
          // The invocation fails (EventBridge retries it, then the failure queue); humans heard of the failure, unless
          // the report itself is what failed.
          if (call !== "sns:Publish") assert.match(aws.published.at(-1)!.message, new RegExp(`failed: ${fault(call).name}`));
          assert.deepEqual([...aws.answered.keys()].filter((k) => k.startsWith("reported#")), [], "a failed response is not remembered as answered");
          await respondToFinding(event, deps());
        } else {
          // Only the record of answered findings may fail without failing the run: the response is complete, the
          // fault logged.
          assert.ok(call.startsWith("dynamodb:"), `a fault of ${call} must fail the run`);
          assert.ok(logged.some((l) => l.message.includes("answered")), "the fault is logged");
        }
        s.complete(aws);
        assert.ok(aws.published.length >= 1, "the response was reported");
        if (call !== "dynamodb:PutItem") {
          const reports = aws.published.length;
          assert.equal((await respondToFinding(event, deps())).replay, true);
          assert.equal(aws.published.length, reports, "a replay of the completed response is quiet");
        }
      });
    }
  }
});
