import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import { WafAutoBlock, type WafAutoBlockArgs } from "../../components/waf-auto-block";
import { writerConfig } from "../../components/waf-auto-block/lambda/settings";
import { evaluate } from "../harness/iam-evaluator";
import { builtResources, constructionRefusal, deploymentErrors, iamDocuments, resourceNamed, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
const DS_TOPIC = "arn:aws:sns:us-east-1:123456789012:ds-events";

describe("WafAutoBlock component", () => {
  beforeEach(() => useOfflineMocks());

  async function build(args: WafAutoBlockArgs = {}) {
    const c = new WafAutoBlock("wab", args);
    await settle();
    return c;
  }
  const full: WafAutoBlockArgs = {
    maxAddresses: 25_000,
    allowlist: ["198.51.100.0/24"],
    webAcl: { associations: { web: ALB } },
    deepSecurity: { topics: { ips: DS_TOPIC } },
    guardDuty: {},
    accessLogs: { bucketNames: ["alb-logs-prod"] },
    reputationLists: {},
    honeypot: { trustedProxies: ["130.176.0.0/16"] },
  };

  it("creates IPv4 and IPv6 IP sets up front for maxAddresses, owned by the writer (Pulumi never resets them)", async () => {
    const c = await build({ maxAddresses: 25_000 });
    const sets = resourcesOfType("aws:wafv2/ipSet:IpSet");
    assert.equal(sets.filter((s) => s.inputs.ipAddressVersion === "IPV4").length, 3);
    assert.equal(sets.filter((s) => s.inputs.ipAddressVersion === "IPV6").length, 3);
    assert.ok(sets.every((s) => s.inputs.scope === "REGIONAL" && s.inputs.addresses.length === 0));
    assert.equal(c.ipv4SetArns.length, 3);
    // The writer's settings are exactly what the writer parses.
    const env = resourcesOfType("aws:lambda/function:Function").find((f) => f.name === "wab-writer-function")!.inputs.environment.variables;
    const config = writerConfig({ ...env, AWS_REGION: "us-east-1" });
    assert.equal(config.sets.length, 6);
    assert.equal(config.capacity, 10_000);
    assert.equal(config.defaults.minutesBySource.reputation, 1440);
    assert.equal(resourceNamed("wab-writer-function").inputs.reservedConcurrentExecutions, 1);
  });

  it("builds a rule group that blocks (in enforce mode) every IP set", async () => {
    await build({ maxAddresses: 20_000, mode: "enforce" });
    const rules = resourceNamed("wab-rules").inputs.rules;
    assert.equal(rules.length, 4);
    assert.ok(rules.every((r: any) => r.action.block !== undefined && r.action.count === undefined));
    assert.deepEqual(rules.map((r: any) => r.name).sort(), ["kamae-ipv4-0", "kamae-ipv4-1", "kamae-ipv6-0", "kamae-ipv6-1"]);
  });

  it("detect mode counts instead of blocking", async () => {
    await build({ mode: "detect" });
    const rules = resourceNamed("wab-rules").inputs.rules;
    assert.ok(rules.length === 2 && rules.every((r: any) => r.action.count !== undefined && r.action.block === undefined));
  });

  it("with a web ACL of its own: logging enabled to an encrypted aws-waf-logs-* group, associated with the given resources", async () => {
    const c = await build(full);
    const acl = resourceNamed("wab-acl");
    assert.deepEqual(acl.inputs.defaultAction, { allow: {} });
    assert.ok(acl.inputs.rules[0].statement.ruleGroupReferenceStatement.arn);
    const logging = resourcesOfType("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
    assert.equal(logging.length, 1);
    const group = resourceNamed("wab-waf-logs");
    assert.ok(group.inputs.namePrefix.startsWith("aws-waf-logs-"));
    assert.ok(group.inputs.kmsKeyId);
    assert.deepEqual(resourcesOfType("aws:wafv2/webAclAssociation:WebAclAssociation").map((a) => a.inputs.resourceArn), [ALB]);
    assert.ok(await valueOf(c.webAclArn!));
  });

  it("exposes an encrypted block queue for other components, and encrypts every table, queue and log group", async () => {
    const c = await build(full);
    assert.match(await valueOf(c.blockQueueUrl), /^https:\/\/sqs\./);
    assert.match(await valueOf(c.blockQueueArn), /^arn:aws:sqs:/);
    for (const q of resourcesOfType("aws:sqs/queue:Queue")) assert.ok(q.inputs.kmsMasterKeyId, `${q.name} encrypted`);
    for (const t of resourcesOfType("aws:dynamodb/table:Table")) {
      assert.equal(t.inputs.serverSideEncryption.enabled, true, t.name);
      assert.ok(t.inputs.serverSideEncryption.kmsKeyArn, t.name);
      assert.equal(t.inputs.pointInTimeRecovery.enabled, true);
    }
    for (const g of resourcesOfType("aws:cloudwatch/logGroup:LogGroup")) assert.ok(g.inputs.kmsKeyId && g.inputs.retentionInDays > 0, g.name);
    const sweep = resourcesOfType("aws:cloudwatch/eventTarget:EventTarget").find((t) => t.name === "wab-sweep-target")!;
    assert.deepEqual(JSON.parse(sweep.inputs.input), { kind: "kamae.sync" });
    const mapping = resourcesOfType("aws:lambda/eventSourceMapping:EventSourceMapping")[0];
    assert.ok(mapping.inputs.batchSize >= 1000 && mapping.inputs.maximumBatchingWindowInSeconds > 0);
  });

  it("the queue takes requests only from Kamae's roles and the named senders; privileged requests only from the named roles", async () => {
    const operator = "arn:aws:iam::123456789012:role/incident-operators";
    const runbook = "arn:aws:iam::123456789012:role/automation/unblock-runbook";
    await build({ ...full, senderArns: ["arn:aws:iam::123456789012:role/siem-forwarder"], privilegedSenderArns: [operator, runbook] });
    const policy = JSON.parse(resourceNamed("wab-block-queue-policy").state.policy);
    const queueArn = policy.Statement[0].Resource;
    // The queue policy's Deny, as IAM applies it to any principal of the account (Principal "*").
    const send = (principalArn: string | undefined) =>
      evaluate({ identity: [{ Statement: policy.Statement.filter((s: any) => s.Effect === "Deny") }] }, {
        action: "sqs:SendMessage",
        resource: queueArn,
        context: { "aws:SecureTransport": true, "aws:PrincipalIsAWSService": principalArn === undefined, ...(principalArn ? { "aws:PrincipalArn": principalArn } : {}) },
      }).decision;
    assert.equal(send("arn:aws:iam::123456789012:role/web-tier"), "explicitDeny", "a workload with sqs:SendMessage on * cannot forge requests");
    assert.equal(send("arn:aws:iam::999988887777:role/kamae/other-account"), "explicitDeny");
    for (const allowed of ["arn:aws:iam::123456789012:role/kamae/gd-responder-role-1a2b3c4", "arn:aws:iam::123456789012:role/siem-forwarder", operator, undefined]) {
      assert.equal(send(allowed), "implicitDeny", `${allowed ?? "EventBridge"} is not refused by the queue`);
    }
    const ids = writerConfig({ ...resourceNamed("wab-writer-function").inputs.environment.variables, AWS_REGION: "us-east-1" }).privilegedSenders;
    assert.equal(ids.length, 2);
    assert.ok(ids.every((id) => /^AROA[0-9A-F]{17}$/.test(id)), ids.join());
    assert.throws(() => new WafAutoBlock("bad", { privilegedSenderArns: ["arn:aws:iam::123456789012:user/alice"] }), /not an IAM role ARN/);
  });

  it("grants each function only what it uses, scoped to ARNs, with no wildcard actions", async () => {
    await build(full);
    const writer = parsePolicyDocument(resourceNamed("wab-writer-permissions").state.policy);
    const sid = (doc: ReturnType<typeof parsePolicyDocument>, s: string) => doc.Statement.find((x) => x.Sid === s)!;
    assert.deepEqual(sid(writer, "ReadWriteOwnIpSets").Action, ["wafv2:GetIPSet", "wafv2:UpdateIPSet"]);
    assert.equal(sid(writer, "ReadWriteOwnIpSets").Resource.length, 6);
    for (const name of ["wab-writer", "wab-events", "wab-log-parser", "wab-reputation", "wab-honeypot"]) {
      const doc = parsePolicyDocument(resourceNamed(`${name}-permissions`).state.policy);
      assert.equal(grantsWildcardAction(doc), false, name);
      for (const s of doc.Statement) assert.ok(!s.Resource.includes("*"), `${name} ${s.Sid} is scoped`);
    }
    const parser = parsePolicyDocument(resourceNamed("wab-log-parser-permissions").state.policy);
    assert.deepEqual(sid(parser, "ReadLogObjects").Resource, ["arn:aws:s3:::alb-logs-prod/*"]);
    const keys = new Set(resourcesOfType("aws:kms/key:Key").map((k) => k.name));
    for (const { resource, document } of iamDocuments().filter((d) => !keys.has(d.resource))) {
      assert.equal(grantsWildcardAction(parsePolicyDocument(JSON.stringify(document))), false, resource);
    }
  });

  it("wires the feeders: Deep Security topics, GuardDuty findings, S3 log objects, the reputation schedule, the honeypot", async () => {
    const c = await build(full);
    const subs = resourcesOfType("aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.protocol === "lambda");
    assert.deepEqual(subs.map((s) => s.inputs.topic), [DS_TOPIC]);
    const pattern = (n: string) => JSON.parse(resourceNamed(n).inputs.eventPattern);
    assert.deepEqual(pattern("wab-guardduty").detail.service.action.actionType, ["NETWORK_CONNECTION", "PORT_PROBE", "AWS_API_CALL"]);
    assert.deepEqual(pattern("wab-access-logs").detail.bucket.name, ["alb-logs-prod"]);
    assert.equal(resourceNamed("wab-reputation-schedule").inputs.scheduleExpression, "rate(1 hour)");
    const perms = resourcesOfType("aws:lambda/permission:Permission");
    assert.ok(perms.every((p) => p.inputs.sourceArn), "no invocation permission without a source");
    assert.ok(c.honeypotUrl, "the honeypot URL is an output");
    assert.equal(resourceNamed("wab-honeypot-api").inputs.protocolType, "HTTP");
    assert.ok(resourceNamed("wab-honeypot-stage").inputs.accessLogSettings.destinationArn);
    const env = resourceNamed("wab-honeypot-function").inputs.environment.variables;
    assert.equal(env.KAMAE_TRUSTED_PROXIES, "130.176.0.0/16");
  });

  it("passes its safety settings (breaker, minimum prefixes, per-finding cap, drills) to the functions as typed args (issue 18)", async () => {
    await build({ ...full, breaker: { windowMinutes: 30, maxNewBlocks: { guardduty: 20 } }, minimumPrefix: { v4: 16, v6: 48 }, reputationMinimumPrefix: { v4: 20 }, guardDuty: { maxAddressesPerFinding: 10, actOnSampleFindings: true } });
    const env = (name: string) => resourcesOfType("aws:lambda/function:Function").find((f) => f.name === name)!.state.environment.variables;
    const writer = writerConfig({ ...env("wab-writer-function"), AWS_REGION: "us-east-1" });
    assert.deepEqual(writer.breaker, { windowMinutes: 30, maxNewBlocks: { "deep-security": 200, guardduty: 20, "access-log": 200, honeypot: 200, reputation: 5000 } });
    const events = env("wab-events-function");
    assert.deepEqual([events.KAMAE_MAX_ADDRESSES_PER_EVENT, events.KAMAE_ACT_ON_SAMPLE_FINDINGS], ["10", "true"]);
    const w = env("wab-writer-function");
    assert.deepEqual([w.KAMAE_MIN_PREFIX_V4, w.KAMAE_MIN_PREFIX_V6, w.KAMAE_REPUTATION_MIN_PREFIX_V4, w.KAMAE_REPUTATION_MIN_PREFIX_V6], ["16", "48", "20", undefined]);
  });

  it("refuses bad arguments before anything is deployed", () => {
    const bad: Array<[WafAutoBlockArgs, RegExp]> = [
      [{ mode: "deny" as any }, /mode/],
      [{ scope: "GLOBAL" as any }, /scope/],
      [{ ipSetCapacity: 20_000 }, /ipSetCapacity/],
      [{ maxAddresses: 1_000_000 }, /IP sets per family/],
      [{ allowlist: ["10.0.0.0/33"] }, /allowlist/],
      [{ honeypot: { trustedProxies: ["cloudfront"] } }, /trustedProxies/],
      [{ reputationLists: { urls: ["http://insecure.example/drop.txt"] } }, /https/],
      [{ scope: "CLOUDFRONT", webAcl: { associations: { cdn: "arn:aws:cloudfront::123456789012:distribution/E1" } } }, /distribution/],
      [{ accessLogs: { bucketNames: ["Not_A_Bucket"] } }, /bucket name/],
      [{ blockMinutes: { honeypot: 0 } }, /blockMinutes/],
      [{ sweepSchedule: "every 5 minutes" }, /schedule/],
      [{ guardDuty: { maxAddressesPerFinding: 5000 } }, /guardDuty.maxAddressesPerFinding must be a whole number from 1 to 2000/],
      [{ breaker: { maxNewBlocks: { constructor: 5 } } }, /"constructor" is not a source/],
      [{ breaker: { windowMinutes: 0 } }, /breaker.windowMinutes/],
      [{ minimumPrefix: { v4: 0 } }, /minimumPrefix.v4 must be a whole number from 1 to 32/],
      [{ reputationMinimumPrefix: { v6: 129 } }, /reputationMinimumPrefix.v6 must be a whole number from 1 to 128/],
    ];
    for (const [args, message] of bad) assert.throws(() => new WafAutoBlock(`bad-${Math.random()}`, args), message);
  });
});

describe("WafAutoBlock list arguments given as one output (a stack reference, config.requireObject)", () => {
  const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
  const SIEM = "arn:aws:iam::123456789012:role/siem-forwarder";
  const OPERATOR = "arn:aws:iam::123456789012:role/incident-operators";
  const RUNBOOK = "arn:aws:iam::123456789012:role/automation/unblock-runbook";
  const built = (args: WafAutoBlockArgs) => builtResources(() => new WafAutoBlock("wab", args));
  const named = (resources: Awaited<ReturnType<typeof built>>, name: string) => resources.find((r) => r.name === name)!.inputs;

  it("accessLogs.bucketNames and kmsKeyArns, senderArns, privilegedSenderArns: the same resources and policies as the plain lists", async () => {
    const plain = await built({ accessLogs: { bucketNames: ["alb-logs-prod", "cf-logs-prod"], kmsKeyArns: [KEY] }, senderArns: [SIEM], privilegedSenderArns: [OPERATOR, RUNBOOK] });
    const parser = parsePolicyDocument(named(plain, "wab-log-parser-permissions").policy).Statement;
    assert.deepEqual(parser.find((s) => s.Sid === "ReadLogObjects")!.Resource, ["arn:aws:s3:::alb-logs-prod/*", "arn:aws:s3:::cf-logs-prod/*"]);
    assert.deepEqual(parser.find((s) => s.Sid === "DecryptLogObjects")!.Resource, [KEY]);
    assert.deepEqual(JSON.parse(named(plain, "wab-access-logs").eventPattern).detail.bucket.name, ["alb-logs-prod", "cf-logs-prod"]);
    const senders = JSON.parse(named(plain, "wab-block-queue-policy").policy).Statement.find((s: any) => s.Sid === "OnlyNamedSenders").Condition.ArnNotLike["aws:PrincipalArn"];
    assert.deepEqual(senders.slice(1), [SIEM, OPERATOR, RUNBOOK]);
    assert.equal(writerConfig({ ...named(plain, "wab-writer-function").environment.variables, AWS_REGION: "us-east-1" }).privilegedSenders.length, 2);
    const asOutputs = await built({
      accessLogs: { bucketNames: pulumi.output(["alb-logs-prod", pulumi.output("cf-logs-prod")]), kmsKeyArns: pulumi.output([KEY]) },
      senderArns: pulumi.output([SIEM]),
      privilegedSenderArns: pulumi.output([OPERATOR, RUNBOOK]),
    });
    assert.deepEqual(asOutputs, plain);
  });

  it("output lists that turn out empty build what empty plain lists build: no decrypt statement, no Resource: []", async () => {
    const plain = await built({ accessLogs: { bucketNames: ["alb-logs-prod"], kmsKeyArns: [] }, senderArns: [], privilegedSenderArns: [] });
    const parser = parsePolicyDocument(named(plain, "wab-log-parser-permissions").policy).Statement;
    assert.equal(parser.some((s) => s.Sid === "DecryptLogObjects"), false);
    assert.deepEqual(await built({ accessLogs: { bucketNames: ["alb-logs-prod"], kmsKeyArns: pulumi.output([]) }, senderArns: pulumi.output([]), privilegedSenderArns: pulumi.output([]) }), plain);
  });

  it("a bad bucket, key or privileged sender, or no bucket, known only at deploy, fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    const expected = [
      constructionRefusal(() => new WafAutoBlock("p1", { accessLogs: { bucketNames: ["alb-logs-prod", "Not_A_Bucket"] } })),
      constructionRefusal(() => new WafAutoBlock("p2", { accessLogs: { bucketNames: [] } })),
      constructionRefusal(() => new WafAutoBlock("p3", { accessLogs: { bucketNames: ["alb-logs-prod"], kmsKeyArns: ["alias/logs"] } })),
      constructionRefusal(() => new WafAutoBlock("p4", { privilegedSenderArns: [OPERATOR, "arn:aws:iam::123456789012:user/alice"] })),
    ];
    const shapes = [/accessLogs.bucketNames: "Not_A_Bucket" is not an S3 bucket name/, /accessLogs.bucketNames is empty/, /accessLogs.kmsKeyArns: "alias\/logs" is not a KMS key ARN/, /privilegedSenderArns: ".*user\/alice" is not an IAM role ARN/];
    expected.forEach((message, i) => assert.match(message, shapes[i]));
    const errors = await deploymentErrors(() => {
      new WafAutoBlock("bucket", { accessLogs: { bucketNames: pulumi.output(["alb-logs-prod", "Not_A_Bucket"]) } });
      new WafAutoBlock("none", { accessLogs: { bucketNames: pulumi.output([]) } });
      new WafAutoBlock("key", { accessLogs: { bucketNames: ["alb-logs-prod"], kmsKeyArns: pulumi.output(["alias/logs"]) } });
      new WafAutoBlock("sender", { privilegedSenderArns: pulumi.output([OPERATOR, "arn:aws:iam::123456789012:user/alice"]) });
    });
    assert.deepEqual(errors.sort(), [...expected].sort());
    const policies = iamDocuments().map((d) => d.resource);
    for (const prefix of ["bucket", "none", "key"]) assert.ok(!policies.includes(`${prefix}-log-parser-permissions`), `${prefix}'s log parser got a policy`);
    assert.ok(!resourcesOfType("aws:lambda/function:Function").some((f) => f.name === "sender-writer-function"));
  });
});
