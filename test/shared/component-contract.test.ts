import { strict as assert } from "node:assert";
import * as kamae from "../../components";
import { ACCOUNT_ID, REGION, iamDocuments, resourcesOfType, settle, useOfflineMocks, type RecordedResource } from "../harness/pulumi";

// What every component promises, checked on all of them at once: responders start in detect mode, an existing topic's
// key is granted to the functions that publish to it, and nothing that delivers events lacks a dead-letter destination.

const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT_ID}:existing-reports`;
const TOPIC_KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0b0c0d0e-1111-2222-3333-444455556666`;
const DS_TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT_ID}:deep-security-events`;
const NLB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/net/sensor/50dc6c495c0c9188`;
const ISOLATION_FN = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:isolation`;
const WAF_QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:waf-block`;
const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];

/** Every component, built with the inputs that wire every trigger it can create (and no `mode`). */
const FULLY_WIRED: Record<string, () => unknown> = {
  InstanceIsolation: () => new kamae.InstanceIsolation("iso", { deepSecurity: { existingTopicArn: DS_TOPIC } }),
  MalwareQuarantine: () => new kamae.MalwareQuarantine("mq", { fileStorageSecurityTopicArns: { fss: DS_TOPIC }, guardDutyBucketNames: { uploads: "uploads-prod" }, sourceBucketNames: ["uploads-prod"] }),
  TrafficMirrorFeed: () => new kamae.TrafficMirrorFeed("feed", { networkLoadBalancerArn: NLB }),
  PatchOnFinding: () => new kamae.PatchOnFinding("patch", {}),
  WafAutoBlock: () =>
    new kamae.WafAutoBlock("waf", { webAcl: {}, deepSecurity: { topics: { ips: DS_TOPIC } }, guardDuty: {}, accessLogs: { bucketNames: ["alb-logs"] }, reputationLists: {}, honeypot: {} }),
  ApiActivityAlerts: () => new kamae.ApiActivityAlerts("audit", { rules: [{ name: "console-logins", eventNames: ["ConsoleLogin"] }] }),
  ApiActivityAlertsOnExistingTrail: () =>
    new kamae.ApiActivityAlerts("audit", { rules: [{ name: "console-logins", eventNames: ["ConsoleLogin"] }], existingTrailBucketName: "org-trail-logs" }),
  GuardDutyResponder: () =>
    new kamae.GuardDutyResponder("gd", {
      routes: [...kamae.RECOMMENDED_ROUTES],
      isolationFunctionArn: ISOLATION_FN,
      wafBlockQueueArn: WAF_QUEUE,
      wafBlockQueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT_ID}/waf-block`,
      scanDocumentName: "Kamae-AntiMalwareScan",
    }),
  MemberAccountAccess: () =>
    new kamae.MemberAccountAccess("member", {
      centralAccountId: "999999999999",
      externalId: "x-123456",
      responders: ["instance-isolation", "api-activity-alerts"],
      forwardEvents: ["guardduty-findings", "inspector-findings"],
      cloudTrailBucketNames: { "org-trail": "org-trail-logs" },
      deepSecurityTopicArns: { agents: DS_TOPIC },
      deepSecurityFunctionArns: { isolation: ISOLATION_FN },
    }),
  EgressAllowlist: () => new kamae.EgressAllowlist("egress", { vpcIds: { main: VPC } }),
  SecurityBaseline: () => new kamae.SecurityBaseline("base", {}),
  AgentRollout: () => new kamae.AgentRollout("agent", {}),
  AutoHealingGroup: () => new kamae.AutoHealingGroup("web", { vpcId: VPC, subnetIds: SUBNETS, targetGroupArns: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:targetgroup/web/0123456789abcdef`] }),
  QuarantineBucket: () => new kamae.QuarantineBucket("q", {}),
  ManagedInstanceRole: () => new kamae.ManagedInstanceRole("role", {}),
};

/** Components that report, built with an existing topic encrypted with a customer-managed key. */
const NOTIFICATIONS = { existingTopicArn: TOPIC, existingTopicKmsKeyArn: TOPIC_KEY };
const REPORTING: Record<string, () => unknown> = {
  InstanceIsolation: () => new kamae.InstanceIsolation("iso", { notifications: NOTIFICATIONS }),
  MalwareQuarantine: () => new kamae.MalwareQuarantine("mq", { guardDutyBucketNames: { uploads: "uploads-prod" }, notifications: NOTIFICATIONS }),
  TrafficMirrorFeed: () => new kamae.TrafficMirrorFeed("feed", { networkLoadBalancerArn: NLB, notifications: NOTIFICATIONS }),
  PatchOnFinding: () => new kamae.PatchOnFinding("patch", { notifications: NOTIFICATIONS }),
  WafAutoBlock: () => new kamae.WafAutoBlock("waf", { guardDuty: {}, notifications: NOTIFICATIONS }),
  ApiActivityAlerts: () => new kamae.ApiActivityAlerts("audit", { rules: [{ name: "changes", readOnly: false }], notifications: NOTIFICATIONS }),
  GuardDutyResponder: () =>
    new kamae.GuardDutyResponder("gd", { routes: [...kamae.RECOMMENDED_ROUTES], isolationFunctionArn: ISOLATION_FN, wafBlockQueueArn: WAF_QUEUE, wafBlockQueueUrl: "https://sqs/waf", scanDocumentName: "Scan", notifications: NOTIFICATIONS }),
};

function functions(): RecordedResource[] {
  return resourcesOfType("aws:lambda/function:Function");
}

function queueWithArn(arn: string): RecordedResource {
  const queue = resourcesOfType("aws:sqs/queue:Queue").find((q) => q.state.arn === arn);
  assert.ok(queue, `no queue with ARN ${arn}`);
  return queue;
}

/** The statements of the queue's policy that let `service` deliver from `sourceArn` (and the TLS deny). */
function deliveryAllowed(queueArn: string, service: string, sourceArn: string): boolean {
  const queue = queueWithArn(queueArn);
  const policies = resourcesOfType("aws:sqs/queuePolicy:QueuePolicy").filter((p) => p.state.queueUrl === queue.state.url);
  assert.equal(policies.length, 1, `queue ${queue.name} has ${policies.length} policies`);
  const statements = JSON.parse(policies[0].state.policy).Statement;
  assert.ok(statements.some((s: any) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"), `${queue.name} accepts requests without TLS`);
  return statements.some(
    (s: any) => s.Effect === "Allow" && s.Principal?.Service === service && [s.Action].flat().includes("sqs:SendMessage") && [s.Condition?.ArnEquals?.["aws:SourceArn"]].flat().includes(sourceArn),
  );
}

describe("every component's contract (Pulumi mocks)", () => {
  beforeEach(() => useOfflineMocks());

  describe("responders constructed without `mode` deploy in detect mode", () => {
    for (const name of ["InstanceIsolation", "MalwareQuarantine", "TrafficMirrorFeed", "PatchOnFinding"]) {
      it(name, async () => {
        FULLY_WIRED[name]();
        await settle();
        assert.ok(functions().length > 0);
        for (const fn of functions()) assert.equal(fn.state.environment.variables.KAMAE_MODE, "detect", fn.name);
      });
    }
    it("GuardDutyResponder: every routed action", async () => {
      FULLY_WIRED.GuardDutyResponder();
      await settle();
      const responder = functions().find((f) => f.state.environment.variables.KAMAE_ACTION_MODES !== undefined)!;
      const modes = JSON.parse(responder.state.environment.variables.KAMAE_ACTION_MODES);
      assert.ok(Object.keys(modes).length >= 2, JSON.stringify(modes));
      assert.ok(Object.values(modes).every((m) => m === "detect"), JSON.stringify(modes));
    });
    it("WafAutoBlock: its rules count and do not block", async () => {
      FULLY_WIRED.WafAutoBlock();
      await settle();
      const [group] = resourcesOfType("aws:wafv2/ruleGroup:RuleGroup");
      assert.ok(group.state.rules.length > 0 && group.state.rules.every((r: any) => r.action.count !== undefined && r.action.block === undefined));
    });
    it("EgressAllowlist: the catch-all rules alert and do not block", async () => {
      new kamae.EgressAllowlist("egress", { vpcIds: { main: VPC }, networkFirewall: { vpcId: VPC, subnetIds: SUBNETS } });
      await settle();
      const actions = resourcesOfType("aws:route53/resolverFirewallRule:ResolverFirewallRule").map((r) => r.state.action);
      assert.ok(actions.includes("ALERT") && !actions.includes("BLOCK"), actions.join());
      const [group] = resourcesOfType("aws:networkfirewall/ruleGroup:RuleGroup");
      assert.doesNotMatch(group.state.ruleGroup.rulesSource.rulesString, /^drop /m);
    });
  });

  describe("an existing topic's customer-managed key is granted to every function that publishes to it", () => {
    for (const [name, build] of Object.entries(REPORTING)) {
      it(name, async () => {
        build();
        await settle();
        const publishers = iamDocuments().filter(({ resource, document }) =>
          resource.endsWith("-permissions") && document.Statement.some((s: any) => [s.Action].flat().includes("sns:Publish") && [s.Resource].flat().includes(TOPIC)),
        );
        assert.ok(publishers.length > 0, "no function publishes to the existing topic");
        for (const { resource, document } of publishers) {
          const kms = document.Statement.filter((s: any) => [s.Resource].flat().includes(TOPIC_KEY)).flatMap((s: any) => [s.Action].flat());
          assert.ok(kms.includes("kms:GenerateDataKey") && kms.includes("kms:Decrypt"), `${resource} cannot use the topic's key`);
        }
        assert.equal(resourcesOfType("aws:sns/topic:Topic").length, 0, "a topic was created although an existing one was given");
      });
    }
  });

  describe("every trigger has a dead-letter destination that may receive its events", () => {
    for (const [name, build] of Object.entries(FULLY_WIRED)) {
      it(name, async () => {
        build();
        await settle();
        for (const target of resourcesOfType("aws:cloudwatch/eventTarget:EventTarget")) {
          const dlq = target.state.deadLetterConfig?.arn;
          assert.ok(dlq, `EventBridge target ${target.name} has no dead-letter queue`);
          assert.ok(target.state.retryPolicy, `EventBridge target ${target.name} states no retry policy`);
          const rule = resourcesOfType("aws:cloudwatch/eventRule:EventRule").find((r) => r.state.name === target.state.rule)!;
          assert.ok(deliveryAllowed(dlq, "events.amazonaws.com", rule.state.arn), `${target.name}: EventBridge may not write to its dead-letter queue`);
        }
        for (const sub of resourcesOfType("aws:sns/topicSubscription:TopicSubscription").filter((s) => s.state.protocol !== "email")) {
          assert.ok(sub.state.redrivePolicy, `subscription ${sub.name} has no redrive policy`);
          const dlq = JSON.parse(sub.state.redrivePolicy).deadLetterTargetArn;
          assert.ok(deliveryAllowed(dlq, "sns.amazonaws.com", sub.state.topic), `${sub.name}: SNS may not write to its dead-letter queue`);
        }
        for (const mapping of resourcesOfType("aws:lambda/eventSourceMapping:EventSourceMapping")) {
          assert.deepEqual(mapping.state.functionResponseTypes, ["ReportBatchItemFailures"], `${mapping.name} reports no partial batch failures`);
          assert.ok(queueWithArn(mapping.state.eventSourceArn).state.redrivePolicy, `the queue of ${mapping.name} has no dead-letter queue`);
        }
        const onFailure = resourcesOfType("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
        for (const fn of functions()) {
          const config = onFailure.find((c) => c.state.functionName === fn.state.name);
          assert.ok(config?.state.destinationConfig?.onFailure?.destination, `function ${fn.name} has no on-failure destination`);
        }
      });
    }
  });

  it("refuses CIDRs with host bits everywhere, naming the network that was meant", () => {
    const refusals: Array<[string, () => unknown, RegExp]> = [
      ["WafAutoBlock allowlist", () => new kamae.WafAutoBlock("w1", { allowlist: ["2001:db8::1/48"] }), /2001:db8::\/48/],
      ["WafAutoBlock trusted proxies", () => new kamae.WafAutoBlock("w2", { honeypot: { trustedProxies: ["130.176.1.0/16"] } }), /130\.176\.0\.0\/16/],
      ["ApiActivityAlerts sourceIpIn", () => new kamae.ApiActivityAlerts("a1", { rules: [{ name: "office", sourceIpIn: ["192.0.2.10/24"] }] }), /192\.0\.2\.0\/24/],
      ["TrafficMirrorFeed excludeCidrs", () => new kamae.TrafficMirrorFeed("t1", { networkLoadBalancerArn: NLB, excludeCidrs: ["10.1.2.3/8"] }), /10\.0\.0\.0\/8/],
    ];
    for (const [what, build, network] of refusals) assert.throws(build, (e: Error) => /host bits/.test(e.message) && network.test(e.message), what);
    // The networks themselves are accepted.
    new kamae.WafAutoBlock("w3", { allowlist: ["2001:db8::/48", "192.0.2.7"] });
  });
});
