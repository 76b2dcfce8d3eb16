import { strict as assert } from "node:assert";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import { TrafficMirrorFeed, type TrafficMirrorFeedArgs } from "../../components/traffic-mirror-feed";
import { ACCOUNT_ID, REGION, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const NLB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/net/sensor/50dc6c495c0c9188`;

function feed(args: Partial<TrafficMirrorFeedArgs> = {}): TrafficMirrorFeed {
  return new TrafficMirrorFeed("feed", { networkLoadBalancerArn: NLB, ...args });
}

function rules() {
  return resourcesOfType("aws:ec2/trafficMirrorFilterRule:TrafficMirrorFilterRule")
    .map((r) => r.inputs)
    .sort((a, b) => a.trafficDirection.localeCompare(b.trafficDirection) || a.ruleNumber - b.ruleNumber);
}

function functionPolicy() {
  const policies = resourcesOfType("aws:iam/rolePolicy:RolePolicy");
  assert.equal(policies.length, 1);
  return parsePolicyDocument(policies[0].inputs.policy);
}

describe("TrafficMirrorFeed component", () => {
  beforeEach(() => useOfflineMocks());

  it("creates the target from the NLB, a filter of all TCP and UDP both ways, the function and both triggers", async () => {
    const f = feed();
    await settle();
    const [target] = resourcesOfType("aws:ec2/trafficMirrorTarget:TrafficMirrorTarget");
    assert.equal(target.inputs.networkLoadBalancerArn, NLB);
    const [filter] = resourcesOfType("aws:ec2/trafficMirrorFilter:TrafficMirrorFilter");
    assert.deepEqual(filter.inputs.networkServices, ["amazon-dns"]);
    assert.deepEqual(
      rules().map((r) => [r.trafficDirection, r.ruleNumber, r.ruleAction, r.protocol, r.sourceCidrBlock, r.destinationCidrBlock]),
      [
        ["egress", 100, "accept", 6, "0.0.0.0/0", "0.0.0.0/0"],
        ["egress", 110, "accept", 17, "0.0.0.0/0", "0.0.0.0/0"],
        ["ingress", 100, "accept", 6, "0.0.0.0/0", "0.0.0.0/0"],
        ["ingress", 110, "accept", 17, "0.0.0.0/0", "0.0.0.0/0"],
      ],
    );
    assert.ok(rules().every((r) => r.trafficMirrorFilterId === filter.id));

    const [fn] = resourcesOfType("aws:lambda/function:Function");
    const env = fn.inputs.environment.variables;
    assert.equal(env.KAMAE_TARGET_ID, target.id);
    assert.equal(env.KAMAE_FILTER_ID, filter.id);
    assert.equal(env.KAMAE_FEED_NAME, "kamae-test-test-feed");
    assert.equal(env.KAMAE_TAG_KEY, "kamae:traffic-mirror");
    assert.equal(env.KAMAE_TAG_VALUE, "true");
    assert.equal(env.KAMAE_MODE, "detect");
    assert.equal(env.KAMAE_SESSION_NUMBER, "1");
    assert.equal(env.KAMAE_HOME_ACCOUNT_ID, ACCOUNT_ID);
    assert.equal(env.KAMAE_ALLOWED_REGIONS, REGION);
    assert.equal(env.KAMAE_VIRTUAL_NETWORK_ID, undefined);
    assert.ok(env.KAMAE_REPORT_TOPIC_ARN.startsWith("arn:aws:sns:"));

    const ruleInputs = resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((r) => r.inputs);
    const pattern = JSON.parse(ruleInputs.find((r) => r.eventPattern)!.eventPattern);
    assert.deepEqual(pattern, { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], detail: { state: ["running", "shutting-down", "terminated"] } });
    assert.equal(ruleInputs.find((r) => r.scheduleExpression)!.scheduleExpression, "rate(15 minutes)");
    const permissions = resourcesOfType("aws:lambda/permission:Permission");
    assert.equal(permissions.length, 2);
    assert.ok(permissions.every((p) => p.inputs.principal === "events.amazonaws.com" && p.inputs.sourceArn && p.inputs.sourceAccount === ACCOUNT_ID));
    const eventTargets = resourcesOfType("aws:cloudwatch/eventTarget:EventTarget");
    assert.equal(eventTargets.length, 2);
    assert.ok(eventTargets.every((t) => t.inputs.arn === fn.state.arn));

    assert.equal(await valueOf(f.targetId), target.id);
    assert.equal(await valueOf(f.filterId), filter.id);
    assert.equal(await valueOf(f.feedName), "kamae-test-test-feed");
  });

  it("grants least privilege: no wildcard actions, writes scoped to this feed's tag, target and filter", async () => {
    feed();
    await settle();
    const policy = functionPolicy();
    assert.equal(grantsWildcardAction(policy), false);
    const bySid = (sid: string) => {
      const s = policy.Statement.find((x) => x.Sid === sid);
      assert.ok(s, `statement ${sid}`);
      return s;
    };
    const [target] = resourcesOfType("aws:ec2/trafficMirrorTarget:TrafficMirrorTarget");
    const [filter] = resourcesOfType("aws:ec2/trafficMirrorFilter:TrafficMirrorFilter");
    for (const s of policy.Statement) {
      if (s.Resource.includes("*")) assert.deepEqual(s.Action, ["ec2:DescribeInstances", "ec2:DescribeTrafficMirrorSessions"], `only Describe may use "*": ${s.Sid}`);
    }
    const create = bySid("CreateSessionsTaggedAsThisFeed");
    assert.deepEqual(create.Resource, [`arn:aws:ec2:${REGION}:${ACCOUNT_ID}:traffic-mirror-session/*`]);
    assert.deepEqual(create.Condition, { StringEquals: { "aws:RequestTag/kamae:traffic-mirror-feed": "kamae-test-test-feed" } });
    assert.deepEqual(bySid("CreateSessionsToThisTargetAndFilter").Resource.sort(), [
      `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:network-interface/*`,
      `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:traffic-mirror-filter/${filter.id}`,
      `arn:aws:ec2:${REGION}:*:traffic-mirror-target/${target.id}`,
    ].sort());
    assert.deepEqual(bySid("DeleteOnlyThisFeedsSessions").Condition, { StringEquals: { "aws:ResourceTag/kamae:traffic-mirror-feed": "kamae-test-test-feed" } });
    assert.deepEqual(bySid("TagSessionsOnCreation").Condition, { StringEquals: { "ec2:CreateAction": "CreateTrafficMirrorSession" } });
    const mark = bySid("MarkUnmirrorableSelectedInstances");
    assert.deepEqual(mark.Resource, [`arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/*`]);
    assert.deepEqual(mark.Condition, { StringEquals: { "aws:ResourceTag/kamae:traffic-mirror": "true" }, "ForAllValues:StringEquals": { "aws:TagKeys": ["kamae:traffic-mirror-status"] } });
    const actions = policy.Statement.flatMap((s) => s.Action);
    for (const forbidden of ["ec2:DeleteTrafficMirrorTarget", "ec2:DeleteTrafficMirrorFilter", "ec2:ModifyTrafficMirrorSession", "ec2:TerminateInstances"]) {
      assert.ok(!actions.includes(forbidden), forbidden);
    }
    assert.deepEqual(bySid("Report").Resource.length, 1);
  });

  it("excludes the sensor's own CIDRs ahead of every accept rule (host bits refused), IPv6 included on request", async () => {
    feed({ excludeCidrs: ["10.20.30.0/24"], ipv6: true, virtualNetworkId: 4242, packetLength: 128, mode: "detect", sessionNumber: 5 });
    await settle();
    const all = rules();
    assert.equal(all.length, 10);
    const ingress = all.filter((r) => r.trafficDirection === "ingress");
    assert.deepEqual([ingress[0].ruleNumber, ingress[0].ruleAction, ingress[0].sourceCidrBlock, ingress[0].destinationCidrBlock], [1, "reject", "10.20.30.0/24", "0.0.0.0/0"]);
    const egress = all.filter((r) => r.trafficDirection === "egress");
    assert.deepEqual([egress[0].ruleNumber, egress[0].ruleAction, egress[0].sourceCidrBlock, egress[0].destinationCidrBlock], [1, "reject", "0.0.0.0/0", "10.20.30.0/24"]);
    assert.ok(all.filter((r) => r.ruleAction === "accept").every((r) => r.ruleNumber >= 100));
    assert.ok(all.some((r) => r.sourceCidrBlock === "::/0" && r.protocol === 17));
    const env = resourcesOfType("aws:lambda/function:Function")[0].inputs.environment.variables;
    assert.deepEqual([env.KAMAE_VIRTUAL_NETWORK_ID, env.KAMAE_PACKET_LENGTH, env.KAMAE_MODE, env.KAMAE_SESSION_NUMBER], ["4242", "128", "detect", "5"]);
  });

  it("takes custom rules, an existing target and an existing topic", async () => {
    feed({
      networkLoadBalancerArn: undefined,
      existingTargetId: "tmt-0123456789abcdef0",
      notifications: { existingTopicArn: `arn:aws:sns:${REGION}:${ACCOUNT_ID}:secops` },
      mirrorAmazonDns: false,
      filterRules: [
        { direction: "ingress", ruleNumber: 10, action: "accept", protocol: 6, destinationPortRange: { fromPort: 443, toPort: 443 } },
        { direction: "egress", ruleNumber: 10, action: "accept", protocol: 17, destinationCidrBlock: "2001:DB8::/32" },
      ],
    });
    await settle();
    assert.equal(resourcesOfType("aws:ec2/trafficMirrorTarget:TrafficMirrorTarget").length, 0);
    assert.equal(resourcesOfType("aws:sns/topic:Topic").length, 0);
    const env = resourcesOfType("aws:lambda/function:Function")[0].inputs.environment.variables;
    assert.equal(env.KAMAE_TARGET_ID, "tmt-0123456789abcdef0");
    assert.equal(env.KAMAE_REPORT_TOPIC_ARN, `arn:aws:sns:${REGION}:${ACCOUNT_ID}:secops`);
    assert.deepEqual(resourcesOfType("aws:ec2/trafficMirrorFilter:TrafficMirrorFilter")[0].inputs.networkServices, []);
    assert.deepEqual(
      rules().map((r) => [r.trafficDirection, r.sourceCidrBlock, r.destinationCidrBlock, r.destinationPortRange?.fromPort]),
      [["egress", "::/0", "2001:db8::/32", undefined], ["ingress", "0.0.0.0/0", "0.0.0.0/0", 443]],
    );
    const policy = functionPolicy();
    assert.ok(policy.Statement.some((s) => s.Resource.includes(`arn:aws:ec2:${REGION}:*:traffic-mirror-target/tmt-0123456789abcdef0`)));
  });

  it("refuses bad arguments at construction, before anything is deployed", () => {
    const cases: Array<[Partial<TrafficMirrorFeedArgs>, RegExp]> = [
      [{ networkLoadBalancerArn: undefined }, /exactly one of/],
      [{ networkInterfaceId: "eni-0123456789abcdef0" }, /exactly one of/],
      [{ virtualNetworkId: 16777216 }, /virtualNetworkId must be a whole number from 0 to 16777215/],
      [{ packetLength: 0 }, /packetLength/],
      [{ sessionNumber: 40000 }, /sessionNumber/],
      [{ excludeCidrs: ["10.0.0.300/24"] }, /excludeCidrs: not a CIDR/],
      [{ excludeCidrs: ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"] }, /12 filter rules .* exceed AWS's limit of 10/],
      [{ filterRules: [{ direction: "ingress", ruleNumber: 10, action: "accept", destinationPortRange: { fromPort: 1, toPort: 2 } }] }, /needs protocol 6 \(TCP\) or 17 \(UDP\)/],
      [{ filterRules: [{ direction: "ingress", ruleNumber: 10, action: "reject" }] }, /no accept rule/],
      [{ filterRules: [{ direction: "ingress", ruleNumber: 10, action: "accept" }, { direction: "ingress", ruleNumber: 10, action: "accept", protocol: 6 }] }, /two ingress rules have number 10/],
      [{ excludeCidrs: ["10.0.0.0/24"], filterRules: [{ direction: "ingress", ruleNumber: 1, action: "accept" }] }, /reserved for excludeCidrs/],
      [{ filterRules: [{ direction: "ingress", ruleNumber: 10, action: "accept", sourceCidrBlock: "10.0.0.0/8", destinationCidrBlock: "::/0" }] }, /mixes IPv4 and IPv6/],
      [{ reconcileSchedule: "every 5 minutes" }, /reconcileSchedule/],
      [{ instanceTagKey: "aws:autoscaling:groupName" }, /instanceTagKey/],
    ];
    for (const [args, pattern] of cases) assert.throws(() => feed(args), pattern, String(pattern));
  });
});
