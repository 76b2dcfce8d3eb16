import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type Statement } from "../shared/iam/policy";
import { EnforcementMode } from "../shared/runtime/mode";
import { Validator } from "../shared/validation";
import { createEncryptionKey } from "../shared/kms";
import { ResponderFunction } from "../shared/infra/responder-function";
import { stableSuffix } from "../shared/naming";
import { type NotificationArgs, reportTopic, validateNotifications } from "../shared/notifications";
import { defaultFilterRules, resolveFilterRules, type TrafficMirrorFilterRuleArgs } from "./filter-rules";
import { FEED_TAG, MAX_SESSION_NUMBER, MIRROR_STATUS_TAG } from "./lambda/model";
import { FeedDefaults, FeedEnv, MAX_PACKET_LENGTH, MAX_VIRTUAL_NETWORK_ID } from "./lambda/settings";

export { defaultFilterRules, resolveFilterRules, MAX_FILTER_RULES, TrafficDirection, TrafficRuleAction, type TrafficMirrorFilterRuleArgs, type TrafficMirrorPortRange } from "./filter-rules";
export { mirrorSupport } from "./lambda/instance-types";
export { FEED_TAG, MIRROR_STATUS_TAG, SOURCE_INSTANCE_TAG } from "./lambda/model";

export interface TrafficMirrorFeedArgs {
  /** The sensor's Network Load Balancer (a UDP listener on 4789 for VXLAN): the recommended, highly available target. */
  readonly networkLoadBalancerArn?: pulumi.Input<string>;
  /**
   * The network interface of a single sensor instance, as the target (AWS: 10 sources per target, 100 on the largest
   * sizes).
   */
  readonly networkInterfaceId?: pulumi.Input<string>;
  /** A Gateway Load Balancer endpoint of the sensor fleet, as the target. */
  readonly gatewayLoadBalancerEndpointId?: pulumi.Input<string>;
  /** An existing traffic mirror target (tmt-…), for example one shared with this account through AWS RAM. */
  readonly existingTargetId?: pulumi.Input<string>;
  /** What is mirrored; default: all TCP and UDP, inbound and outbound. At most 10 rules with the exclusions. */
  readonly filterRules?: TrafficMirrorFilterRuleArgs[];
  /** The default rules also cover IPv6 (::/0); default false. */
  readonly ipv6?: boolean;
  /**
   * CIDRs whose traffic is not mirrored (the sensor's own subnets): one reject rule per direction, numbered 1–9, ahead
   * of every accept rule.
   */
  readonly excludeCidrs?: string[];
  /** Also mirror queries to the Amazon DNS resolver (filter network service `amazon-dns`); default true. */
  readonly mirrorAmazonDns?: boolean;
  /** VXLAN network id of the sessions (0–16777215); default: AWS picks a unique one per session. */
  readonly virtualNetworkId?: number;
  /** Bytes of each packet to mirror (1–8500); default: the whole packet. */
  readonly packetLength?: number;
  /** Preferred session number (1–32766, lower = evaluated first); the next free one when another tool holds it. */
  readonly sessionNumber?: number;
  /** Tag selecting the instances to mirror; default `kamae:traffic-mirror`. */
  readonly instanceTagKey?: string;
  /** Value of that tag; default "true". */
  readonly instanceTagValue?: string;
  /** "detect" (default) only reports what it would do; "enforce" creates and deletes sessions. */
  readonly mode?: EnforcementMode;
  /** How often the reconciler catches missed events (EventBridge schedule); default `rate(15 minutes)`. */
  readonly reconcileSchedule?: string;
  /** Safety limit of session changes per invocation (1–1000); default 100. */
  readonly maxActionsPerRun?: number;
  /** Where reports go: a created KMS-encrypted topic, or an existing one (with its customer-managed key). */
  readonly notifications?: NotificationArgs;
}

const check: Validator = new Validator("TrafficMirrorFeed");

/**
 * Feeds a network sensor with VPC Traffic Mirroring from instances that come and go: a mirror target (the sensor's
 * NLB, GWLB endpoint or ENI, or an existing target), a filter (all TCP and UDP by default, without the sensor's own
 * traffic), and a function that keeps one session per ENI of every running instance carrying the selection tag,
 * driven by EC2 state-change events and a scheduled reconciler. Unmirrorable instance types are reported once.
 */
export class TrafficMirrorFeed extends pulumi.ComponentResource {
  /** The traffic mirror target id (tmt-…). */
  public readonly targetId: pulumi.Output<string>;
  /** The traffic mirror filter id (tmf-…). */
  public readonly filterId: pulumi.Output<string>;
  /** The value of the `kamae:traffic-mirror-feed` tag on this feed's sessions: `<project>-<stack>-<name>`. */
  public readonly feedName: pulumi.Output<string>;
  /** The function that creates and deletes the sessions. */
  public readonly functionArn: pulumi.Output<string>;
  /** The topic reports go to (created or given). */
  public readonly reportTopicArn: pulumi.Output<string>;
  /** The EventBridge rule of instance state changes. */
  public readonly stateChangeRuleArn: pulumi.Output<string>;
  /** The schedule of the reconciler. */
  public readonly reconcileRuleArn: pulumi.Output<string>;

  constructor(name: string, args: TrafficMirrorFeedArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:TrafficMirrorFeed", name, args, opts);
    const parent = { parent: this };

    const targets = [args.networkLoadBalancerArn, args.networkInterfaceId, args.gatewayLoadBalancerEndpointId, args.existingTargetId].filter((t) => t !== undefined);
    if (targets.length !== 1) {
      check.fail("give exactly one of networkLoadBalancerArn, networkInterfaceId, gatewayLoadBalancerEndpointId, existingTargetId");
    }
    check.integer("virtualNetworkId", args.virtualNetworkId, 0, MAX_VIRTUAL_NETWORK_ID);
    check.integer("packetLength", args.packetLength, 1, MAX_PACKET_LENGTH);
    check.integer("sessionNumber", args.sessionNumber, 1, MAX_SESSION_NUMBER);
    check.integer("maxActionsPerRun", args.maxActionsPerRun, 1, 1000);
    check.oneOf("mode", args.mode, EnforcementMode);
    const schedule = args.reconcileSchedule ?? "rate(15 minutes)";
    check.schedule("reconcileSchedule", schedule);
    check.arn("networkLoadBalancerArn", args.networkLoadBalancerArn, "elasticloadbalancing");
    validateNotifications(check, args.notifications);
    const tagKey = args.instanceTagKey ?? FeedDefaults.tagKey;
    const tagValue = args.instanceTagValue ?? FeedDefaults.tagValue;
    if (tagKey.length === 0 || tagKey.length > 128 || tagKey.startsWith("aws:")) check.fail(`instanceTagKey "${tagKey}" is not a usable tag key`);
    const rules = resolveFilterRules(args.filterRules ?? defaultFilterRules(args.ipv6 ?? false), args.excludeCidrs ?? []);

    // Distinct per project, stack and component, so two feeds never delete each other's sessions.
    const feedName = `${pulumi.getProject()}-${pulumi.getStack()}-${name}`.slice(0, 200);
    const identity = aws.getCallerIdentityOutput({}, parent);
    const region = aws.getRegionOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent);

    const target =
      args.existingTargetId !== undefined
        ? undefined
        : new aws.ec2.TrafficMirrorTarget(
            `${name}-target`,
            {
              description: `Kamae TrafficMirrorFeed ${name}: the network sensor`,
              networkLoadBalancerArn: args.networkLoadBalancerArn,
              networkInterfaceId: args.networkInterfaceId,
              gatewayLoadBalancerEndpointId: args.gatewayLoadBalancerEndpointId,
              tags: { [FEED_TAG]: feedName },
            },
            parent,
          );
    this.targetId = target ? target.id : pulumi.output(args.existingTargetId!);

    const filter = new aws.ec2.TrafficMirrorFilter(
      `${name}-filter`,
      {
        description: `Kamae TrafficMirrorFeed ${name}: what is mirrored`,
        networkServices: args.mirrorAmazonDns === false ? [] : ["amazon-dns"],
        tags: { [FEED_TAG]: feedName },
      },
      parent,
    );
    this.filterId = filter.id;
    for (const rule of rules) {
      new aws.ec2.TrafficMirrorFilterRule(
        `${name}-rule-${stableSuffix(`${rule.direction}/${rule.ruleNumber}`)}`,
        {
          trafficMirrorFilterId: filter.id,
          trafficDirection: rule.direction,
          ruleNumber: rule.ruleNumber,
          ruleAction: rule.action,
          protocol: rule.protocol,
          sourceCidrBlock: rule.sourceCidrBlock,
          destinationCidrBlock: rule.destinationCidrBlock,
          sourcePortRange: rule.sourcePortRange,
          destinationPortRange: rule.destinationPortRange,
          description: rule.description,
        },
        parent,
      );
    }

    const key = createEncryptionKey(
      `${name}-key`,
      { description: `Kamae TrafficMirrorFeed ${name}: logs, failure queue, reports`, allowCloudWatchLogs: true, servicePrincipals: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com"] },
      parent,
    );
    const reports = reportTopic(`${name}-reports`, args.notifications, key, parent);
    this.reportTopicArn = reports.topicArn;

    const ec2Arn = (resource: pulumi.Input<string>, account: pulumi.Input<string> = identity.accountId) =>
      pulumi.interpolate`arn:${partition.partition}:ec2:${region.region}:${account}:${resource}`;
    const statements: Statement[] = [
      { sid: "DescribeAwsDoesNotScope", actions: ["ec2:DescribeInstances", "ec2:DescribeTrafficMirrorSessions"], resources: ["*"] },
      // The traffic-mirror-session and instance resource types take aws:RequestTag, aws:ResourceTag and aws:TagKeys
      // (Service Authorization Reference, "Actions, resources, and condition keys for Amazon EC2"); tags given at
      // creation need ec2:CreateTags with ec2:CreateAction (EC2 User Guide, "Grant permission to tag Amazon EC2
      // resources during creation").
      {
        sid: "CreateSessionsTaggedAsThisFeed",
        actions: ["ec2:CreateTrafficMirrorSession"],
        resources: [ec2Arn("traffic-mirror-session/*")],
        conditions: { StringEquals: { [`aws:RequestTag/${FEED_TAG}`]: feedName } },
      },
      {
        sid: "CreateSessionsToThisTargetAndFilter",
        actions: ["ec2:CreateTrafficMirrorSession"],
        // A target shared through AWS RAM belongs to another account; its id is unique, so any account is fine here.
        resources: [ec2Arn("network-interface/*"), ec2Arn(pulumi.interpolate`traffic-mirror-target/${this.targetId}`, "*"), ec2Arn(pulumi.interpolate`traffic-mirror-filter/${filter.id}`)],
      },
      {
        sid: "TagSessionsOnCreation",
        actions: ["ec2:CreateTags"],
        resources: [ec2Arn("traffic-mirror-session/*")],
        conditions: { StringEquals: { "ec2:CreateAction": "CreateTrafficMirrorSession" } },
      },
      {
        sid: "DeleteOnlyThisFeedsSessions",
        actions: ["ec2:DeleteTrafficMirrorSession"],
        resources: [ec2Arn("traffic-mirror-session/*")],
        conditions: { StringEquals: { [`aws:ResourceTag/${FEED_TAG}`]: feedName } },
      },
      {
        sid: "MarkUnmirrorableSelectedInstances",
        actions: ["ec2:CreateTags"],
        resources: [ec2Arn("instance/*")],
        conditions: { StringEquals: { [`aws:ResourceTag/${tagKey}`]: tagValue }, "ForAllValues:StringEquals": { "aws:TagKeys": [MIRROR_STATUS_TAG] } },
      },
      ...reports.publishStatements,
    ];

    const environment: Record<string, pulumi.Input<string>> = {
      [FeedEnv.feedName]: feedName,
      [FeedEnv.targetId]: this.targetId,
      [FeedEnv.filterId]: filter.id,
      [FeedEnv.sessionNumber]: String(args.sessionNumber ?? FeedDefaults.sessionNumber),
      [FeedEnv.tagKey]: tagKey,
      [FeedEnv.tagValue]: tagValue,
      [FeedEnv.mode]: args.mode ?? FeedDefaults.mode,
      [FeedEnv.maxActions]: String(args.maxActionsPerRun ?? FeedDefaults.maxActions),
      [FeedEnv.reportTopicArn]: this.reportTopicArn,
    };
    if (args.virtualNetworkId !== undefined) environment[FeedEnv.virtualNetworkId] = String(args.virtualNetworkId);
    if (args.packetLength !== undefined) environment[FeedEnv.packetLength] = String(args.packetLength);

    const fn = new ResponderFunction(
      `${name}-sessions`,
      {
        code: "traffic-mirror-sessions",
        description: `Kamae TrafficMirrorFeed ${name}: mirror sessions for instances tagged ${tagKey}=${tagValue}`,
        environment,
        statements,
        kmsKey: key,
        alarmTopicArn: this.reportTopicArn,
        timeoutSeconds: 300,
        reservedConcurrency: 5,
      },
      parent,
    );
    this.functionArn = fn.functionArn;

    const stateChanges = new aws.cloudwatch.EventRule(
      `${name}-state-changes`,
      {
        description: `Kamae TrafficMirrorFeed ${name}: instances starting and terminating`,
        eventPattern: JSON.stringify({
          source: ["aws.ec2"],
          "detail-type": ["EC2 Instance State-change Notification"],
          detail: { state: ["running", "shutting-down", "terminated"] },
        }),
      },
      parent,
    );
    const reconcile = new aws.cloudwatch.EventRule(
      `${name}-reconcile`,
      { description: `Kamae TrafficMirrorFeed ${name}: catch missed events`, scheduleExpression: schedule },
      parent,
    );
    for (const [rule, what] of [[stateChanges, "state-changes"], [reconcile, "reconcile"]] as const) {
      fn.trigger(`${name}-${what}-target`, rule, { sourceAccount: identity.accountId });
    }
    this.stateChangeRuleArn = stateChanges.arn;
    this.reconcileRuleArn = reconcile.arn;
    this.feedName = pulumi.output(feedName);

    this.registerOutputs({
      targetId: this.targetId,
      filterId: this.filterId,
      feedName: this.feedName,
      functionArn: this.functionArn,
      reportTopicArn: this.reportTopicArn,
      stateChangeRuleArn: this.stateChangeRuleArn,
      reconcileRuleArn: this.reconcileRuleArn,
    });
  }
}
