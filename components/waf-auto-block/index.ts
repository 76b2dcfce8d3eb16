import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { queueBacklogAlarm } from "../shared/alarms";
import { createEncryptionKey } from "../shared/kms";
import { deadLetterQueue, deadLetterQueuePolicy } from "../shared/infra/dead-letters";
import { ResponderFunction } from "../shared/infra/responder-function";
import { stateTable } from "../shared/infra/state-table";
import { BLOCK_SOURCES, isBlockSource } from "./lambda/block-request";
import { DEFAULT_EVENT_FEEDER } from "./lambda/event-feeder";
import { DEFAULT_BREAKER, DEFAULT_THRESHOLDS, FeederEnv, WriterDefaults, WriterEnv } from "./lambda/settings";
import { RESPONDER_ROLE_PATH, stableSuffix } from "../shared/naming";
import { type NotificationArgs, type ReportTopic, reportTopic, validateNotifications } from "../shared/notifications";
import type { Statement } from "../shared/iam/policy";
import { EnforcementMode } from "../shared/runtime/mode";
import { checkedItems, componentError, GUARDDUTY_SEVERITY, joinLists, type ListValue, mapItems, mayHaveItems, plainItems, Validator } from "../shared/validation";

/** WAF's hard limit of addresses in one IP set. */
export const WAF_IP_SET_LIMIT = 10_000;
/** Most IP sets (both families) one component creates: the rule group's capacity is fixed at this many WCUs. */
export const MAX_IP_SETS = 50;

export interface WafAutoBlockDeepSecurityArgs {
  /**
   * Topics the Deep Security / Workload Security manager publishes to, keyed by a stable label of your choice. Kamae
   * does not own them: their policies must let only the manager's principal publish, or any publisher can ask for blocks.
   */
  readonly topics: Record<string, pulumi.Input<string>>;
  /** Intrusion prevention (PayloadLog) events at or above this severity block their source (default 3). */
  readonly payloadMinSeverity?: number;
  /** Firewall (PacketLog) events repeated at least this often block their source (default 5). */
  readonly packetMinRepeat?: number;
}

export interface WafAutoBlockGuardDutyArgs {
  /** Findings at or above this severity block their remote addresses (default 4). */
  readonly minSeverity?: number;
  /** Action types whose remote addresses are blocked (default NETWORK_CONNECTION, PORT_PROBE, AWS_API_CALL). */
  readonly actionTypes?: string[];
  /** Addresses one finding blocks, 1-2000 (default 50): a port probe can name thousands; the rest are reported. */
  readonly maxAddressesPerFinding?: number;
  /**
   * Act on GuardDuty sample findings ("Generate sample findings": `service.additionalInfo.sample` true) as if they
   * were real, for a drill. Default false: they are dismissed (logged).
   */
  readonly actOnSampleFindings?: boolean;
}

/** The writer's breaker: past this many new blocks from one source in a window, the rest are recorded and notified, not blocked. */
export interface WafAutoBlockBreakerArgs {
  /** Window in minutes, 1-10080 (default 60). */
  readonly windowMinutes?: number;
  /**
   * New blocks per source per window (sources "deep-security", "guardduty", "access-log", "honeypot", "reputation",
   * "manual"…). Default 200 per event source, 5,000 for reputation; a source not listed has no breaker.
   */
  readonly maxNewBlocks?: Record<string, number>;
}

/** The widest network (smallest prefix length) the writer accepts, per family. */
export interface WafAutoBlockPrefixArgs {
  /** IPv4 prefix length, 1-32. */
  readonly v4?: number;
  /** IPv6 prefix length, 1-128. */
  readonly v6?: number;
}

export interface WafAutoBlockAccessLogArgs {
  /**
   * Buckets receiving ALB, CloudFront or AWS WAF logs (gzip); each must send events to EventBridge. A list, or the
   * whole list as one output (checked when known).
   */
  readonly bucketNames: pulumi.Input<pulumi.Input<string>[]>;
  /** KMS keys the log objects are encrypted with, if SSE-KMS (a list, or the whole list as one output). */
  readonly kmsKeyArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** Error responses per address per minute, merged across files, that block it (default 50). */
  readonly errorsPerMinute?: number;
  /**
   * Requests per address in any 5 minutes, merged across files, that block it (default 1,000: a browser loading pages
   * with their assets makes hundreds; the error threshold catches scanners).
   */
  readonly requestsPer5Minutes?: number;
  /**
   * Client addresses that are proxies carrying many users (a corporate NAT, another CDN): never counted, never blocked.
   * CloudFront's origin-facing ranges are added, read from the AWS-managed prefix list at deploy time, unless
   * `trustCloudFront` is false.
   */
  readonly trustedProxies?: string[];
  /** Trust CloudFront's origin-facing ranges (default true: behind CloudFront, an ALB log's client is an edge). */
  readonly trustCloudFront?: boolean;
  /** Target status codes counted as errors in ALB logs (default 400, 401, 403, 404, 405). */
  readonly albErrorCodes?: number[];
  /** Status codes counted as errors in CloudFront logs (default 400, 401, 404, 405: WAF's 403s are not told apart). */
  readonly cloudFrontErrorCodes?: number[];
}

export interface WafAutoBlockReputationArgs {
  /** List URLs (https); default Spamhaus DROP, EDROP and DROPv6. */
  readonly urls?: string[];
  /** How often the lists are read (default "rate(1 hour)"). */
  readonly schedule?: string;
}

export interface WafAutoBlockHoneypotArgs {
  /** Proxies in front of the honeypot (CDN, load balancer) whose X-Forwarded-For is believed; CIDRs. */
  readonly trustedProxies?: string[];
}

export interface WafAutoBlockWebAclArgs {
  /** Regional resources (ALB, API Gateway stage, AppSync, Cognito…) to protect, keyed by a stable label. */
  readonly associations?: Record<string, pulumi.Input<string>>;
}

/** Where the web ACL applies. */
export const WafAutoBlockScope = {
  /** ALB, API Gateway, AppSync, Cognito… in the stack's Region. */
  Regional: "REGIONAL",
  /** CloudFront distributions (deploy with a us-east-1 provider). */
  Cloudfront: "CLOUDFRONT",
} as const;
export type WafAutoBlockScope = (typeof WafAutoBlockScope)[keyof typeof WafAutoBlockScope];

export interface WafAutoBlockArgs {
  /** "REGIONAL" (ALB, API Gateway…) or "CLOUDFRONT" (then deploy with a us-east-1 provider). Default REGIONAL. */
  readonly scope?: WafAutoBlockScope;
  /** "detect" (default): the rules count requests from listed addresses (the sets are still maintained); "enforce" blocks them. */
  readonly mode?: EnforcementMode;
  /**
   * Addresses to hold per family (IPv4, IPv6): IP sets are created up front to fit them, ⌈maxAddresses / ipSetCapacity⌉
   * per family (at most 25). Default 10,000.
   */
  readonly maxAddresses?: number;
  /** Addresses per IP set (default and at most WAF's 10,000). */
  readonly ipSetCapacity?: number;
  /**
   * CIDRs never blocked (your offices, partners, monitoring, search-engine crawlers you want); a block request
   * overlapping one is refused.
   */
  readonly allowlist?: string[];
  /** Also block private and reserved ranges (default false: never attackers on the internet). */
  readonly blockPrivateRanges?: boolean;
  /** Block period in minutes per source ("deep-security", "guardduty", "access-log", "reputation", "honeypot"…). */
  readonly blockMinutes?: Record<string, number>;
  /** Block period of sources not in blockMinutes (default 240). */
  readonly defaultBlockMinutes?: number;
  /** How often expired blocks are lifted (default "rate(5 minutes)"). */
  readonly sweepSchedule?: string;
  /**
   * Create a web ACL of its own holding the rule group, associated with the given resources, with WAF logging to a
   * KMS-encrypted `aws-waf-logs-*` log group.
   */
  readonly webAcl?: WafAutoBlockWebAclArgs;
  /** Block the sources of Deep Security / Workload Security intrusion prevention and firewall events. */
  readonly deepSecurity?: WafAutoBlockDeepSecurityArgs;
  /** Block the remote addresses of GuardDuty findings of this account and Region. */
  readonly guardDuty?: WafAutoBlockGuardDutyArgs;
  /** Block addresses whose ALB, CloudFront or AWS WAF access logs show scanning (errors or request bursts). */
  readonly accessLogs?: WafAutoBlockAccessLogArgs;
  /** Block the ranges of reputation lists, read on a schedule. */
  readonly reputationLists?: WafAutoBlockReputationArgs;
  /** Create a honeypot URL (HTTP API, throttled to 10 requests per second, burst 20) whose callers are blocked. */
  readonly honeypot?: WafAutoBlockHoneypotArgs;
  /**
   * Other principals that send block requests (IAM ARNs, wildcards allowed). Kamae's responders (roles under the
   * /kamae/ path, such as GuardDutyResponder's) and this component's feeders are always accepted; the queue refuses
   * every other sender, whatever its own IAM policy allows. A list, or the whole list as one output.
   */
  readonly senderArns?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * IAM roles of this account (ARNs) whose unblock, permanent, pinned and manual requests the writer accepts: your
   * operators and runbooks. The writer refuses such requests from any other sender and notifies them. Default: none.
   * A list, or the whole list as one output (checked when known).
   */
  readonly privilegedSenderArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** Where "list full" reports and alarms go; default: a KMS-encrypted topic created here. */
  readonly notifications?: NotificationArgs;
  /** Retention of every log group in days (default 365). */
  readonly logRetentionDays?: number;
  /** New blocks per source per window before the writer only records and notifies (defaults in `WafAutoBlockBreakerArgs`). */
  readonly breaker?: WafAutoBlockBreakerArgs;
  /** Widest network any request may block (default /8 and /24; event feeders send /32 and /128 only). */
  readonly minimumPrefix?: WafAutoBlockPrefixArgs;
  /** Widest network a reputation list may block (default /16 and /24); wider entries are refused and notified. */
  readonly reputationMinimumPrefix?: WafAutoBlockPrefixArgs;
}

const check: Validator = new Validator("WafAutoBlock");

// The checks of list items that may be outputs: construction runs them on plain items, the deployment on the others.
const checkPrivilegedSender = (arn: string) => {
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(arn)) check.fail(`privilegedSenderArns: "${arn}" is not an IAM role ARN`);
};
const checkLogBucket = (bucket: string) => check.bucketName("accessLogs.bucketNames", bucket);
const checkLogBucketCount = (buckets: readonly unknown[]) => {
  if (buckets.length === 0) check.fail("accessLogs.bucketNames is empty");
};
const checkLogKey = (keyArn: string) => check.arn("accessLogs.kmsKeyArns", keyArn, "kms");

/** The access-log buckets to build with: an output list is checked once known, as construction checks a plain one. */
function checkedLogBuckets(logs: WafAutoBlockAccessLogArgs): ListValue {
  return checkedItems(logs.bucketNames, checkLogBucket, checkLogBucketCount);
}

/** privilegedSenderArns to build with, each checked (once known when an output) as construction checks a plain one. */
function privilegedSenders(args: WafAutoBlockArgs): ListValue {
  return checkedItems(args.privilegedSenderArns ?? [], checkPrivilegedSender);
}

function validate(args: WafAutoBlockArgs): void {
  for (const arn of plainItems(args.privilegedSenderArns)) checkPrivilegedSender(arn);
  check.oneOf("scope", args.scope, WafAutoBlockScope);
  check.oneOf("mode", args.mode, EnforcementMode);
  check.integer("ipSetCapacity", args.ipSetCapacity, 1, WAF_IP_SET_LIMIT);
  check.integer("maxAddresses", args.maxAddresses, 1);
  check.integer("defaultBlockMinutes", args.defaultBlockMinutes, 1, 527_040);
  for (const [source, minutes] of Object.entries(args.blockMinutes ?? {})) check.integer(`blockMinutes.${source}`, minutes, 1, 527_040);
  // Host bits refused, as the block queue refuses them: "2001:db8::1/48" would silently widen to the whole network.
  for (const cidr of args.allowlist ?? []) check.cidr("allowlist", cidr);
  for (const cidr of args.honeypot?.trustedProxies ?? []) check.cidr("honeypot.trustedProxies", cidr);
  for (const url of args.reputationLists?.urls ?? []) if (!/^https:\/\/[^\s,]+$/.test(url)) check.fail(`reputationLists.urls entry ${JSON.stringify(url)} is not an https URL`);
  check.schedule("sweepSchedule", args.sweepSchedule);
  check.schedule("reputationLists.schedule", args.reputationLists?.schedule);
  if (args.scope === "CLOUDFRONT" && Object.keys(args.webAcl?.associations ?? {}).length > 0) {
    check.fail("a CLOUDFRONT web ACL is attached by the distribution (its webAclId), not by associations: pass webAclArn to the distribution");
  }
  check.number("guardDuty.minSeverity", args.guardDuty?.minSeverity, GUARDDUTY_SEVERITY.min, GUARDDUTY_SEVERITY.max);
  const logs = args.accessLogs;
  if (logs) {
    if (Array.isArray(logs.bucketNames)) checkLogBucketCount(logs.bucketNames);
    for (const b of plainItems(logs.bucketNames)) checkLogBucket(b);
    for (const k of plainItems(logs.kmsKeyArns)) checkLogKey(k);
    check.integer("accessLogs.errorsPerMinute", logs.errorsPerMinute, 1);
    check.integer("accessLogs.requestsPer5Minutes", logs.requestsPer5Minutes, 1);
    for (const cidr of logs.trustedProxies ?? []) check.cidr("accessLogs.trustedProxies", cidr);
    for (const c of [...(logs.albErrorCodes ?? []), ...(logs.cloudFrontErrorCodes ?? [])]) check.integer("accessLogs error codes (HTTP statuses)", c, 100, 599);
  }
  check.integer("guardDuty.maxAddressesPerFinding", args.guardDuty?.maxAddressesPerFinding, 1, 2000);
  if (args.guardDuty?.actOnSampleFindings !== undefined && typeof args.guardDuty.actOnSampleFindings !== "boolean") check.fail("guardDuty.actOnSampleFindings must be true or false");
  check.integer("breaker.windowMinutes", args.breaker?.windowMinutes, 1, 7 * 24 * 60);
  for (const [source, n] of Object.entries(args.breaker?.maxNewBlocks ?? {})) {
    if (!isBlockSource(source)) check.fail(`breaker.maxNewBlocks: "${source}" is not a source (${BLOCK_SOURCES.join(", ")})`);
    check.integer(`breaker.maxNewBlocks.${source}`, n, 1);
  }
  for (const [what, p] of [["minimumPrefix", args.minimumPrefix], ["reputationMinimumPrefix", args.reputationMinimumPrefix]] as const) {
    check.integer(`${what}.v4`, p?.v4, 1, 32);
    check.integer(`${what}.v6`, p?.v6, 1, 128);
  }
  if (args.deepSecurity && Object.keys(args.deepSecurity.topics).length === 0) check.fail("deepSecurity.topics is empty");
  for (const [label, topic] of Object.entries(args.deepSecurity?.topics ?? {})) check.arn(`deepSecurity.topics.${label}`, topic, "sns");
  check.integer("deepSecurity.packetMinRepeat", args.deepSecurity?.packetMinRepeat, 1);
  for (const label of [...Object.keys(args.deepSecurity?.topics ?? {}), ...Object.keys(args.webAcl?.associations ?? {})]) {
    if (!/^[A-Za-z0-9-]{1,40}$/.test(label)) check.fail(`label "${label}" must be letters, digits and dashes`);
  }
  validateNotifications(check, args.notifications);
  check.logRetentionDays("logRetentionDays", args.logRetentionDays);
}

/** AWS's managed prefix list of CloudFront's origin-facing addresses: the addresses CloudFront connects to origins from. */
export const CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

/** The access-log feeder's trusted proxies: the given ones, plus CloudFront's ranges read at deploy time. */
function trustedProxyList(logs: WafAutoBlockAccessLogArgs, parent: pulumi.Resource): pulumi.Output<string> {
  const own = logs.trustedProxies ?? [];
  if (logs.trustCloudFront === false) return pulumi.output(own.join(","));
  const cloudFront = aws.ec2.getManagedPrefixListOutput({ name: CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST }, { parent });
  return cloudFront.entries.apply((entries) => [...own, ...entries.map((e) => e.cidr)].join(","));
}

/** The writer's timeout: the block queue's visibility timeout is six times it, as Lambda advises for SQS sources. */
const WRITER_TIMEOUT_SECONDS = 300;

/** What every part of a WafAutoBlock is built with. */
interface BuildContext {
  readonly name: string;
  readonly args: WafAutoBlockArgs;
  readonly parent: { parent: pulumi.Resource };
  readonly scope: WafAutoBlockScope;
  readonly key: aws.kms.Key;
  readonly reports: ReportTopic;
  readonly retention: number;
  readonly identity: pulumi.Output<aws.GetCallerIdentityResult>;
  readonly partition: pulumi.Output<aws.GetPartitionResult>;
}

/** One feeder function: its name suffix, statement suffix, code bundle and what differs from the others. */
interface FeederSpec {
  readonly id: string;
  readonly sid: string;
  readonly code: string;
  readonly description: string;
  readonly environment?: Record<string, pulumi.Input<string>>;
  readonly statements?: Statement[];
  readonly timeoutSeconds?: number;
  readonly memorySize?: number;
  readonly reservedConcurrency?: number;
}

interface IpSetShard {
  readonly set: aws.wafv2.IpSet;
  readonly version: 4 | 6;
}

/** CloudWatch metric names of the rule group and web ACL: `kamae-<name>-<what>`, characters WAF accepts. */
const metricName = (name: string) => (what: string) => `kamae-${name}-${what}`.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 128);

/**
 * Blocks attackers' addresses in AWS WAF, automatically and safely. Creates IPv4 and IPv6 IP sets (sharded up front to
 * `maxAddresses`), a rule group that blocks (or counts) them for use in any web ACL, optionally a web ACL of its own
 * with logging, the encrypted block table and block queue, the single writer (reserved concurrency 1) that coalesces
 * every request into as few UpdateIPSet calls as possible, a sweeper schedule, and the optional feeders: Deep
 * Security events, GuardDuty findings, an access-log parser, reputation lists and a honeypot URL.
 */
export class WafAutoBlock extends pulumi.ComponentResource {
  /** The queue every feeder (and other components, e.g. GuardDutyResponder) sends block requests to. */
  public readonly blockQueueArn: pulumi.Output<string>;
  /** The block queue's URL. */
  public readonly blockQueueUrl: pulumi.Output<string>;
  /** The key the queue is encrypted with: senders need kms:GenerateDataKey and kms:Decrypt on it. */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** The IPv4 IP sets of the rule group. */
  public readonly ipv4SetArns: pulumi.Output<string>[];
  /** The IPv6 IP sets of the rule group. */
  public readonly ipv6SetArns: pulumi.Output<string>[];
  /** A rule group to reference from an existing web ACL (RuleGroupReferenceStatement, override action none). */
  public readonly ruleGroupArn: pulumi.Output<string>;
  /** Capacity (WCUs) the rule group uses in a web ACL. */
  public readonly ruleGroupCapacity: number;
  /** The web ACL created for `webAcl` (undefined without it). */
  public readonly webAclArn?: pulumi.Output<string>;
  /** The DynamoDB table of blocked addresses and their expiry. */
  public readonly blockTableName: pulumi.Output<string>;
  /** The function that consumes the block queue and writes the IP sets. */
  public readonly writerFunctionArn: pulumi.Output<string>;
  /** The topic reports and alarms go to (created or given). */
  public readonly notificationTopicArn: pulumi.Output<string>;
  /** The honeypot's URL (undefined without `honeypot`). */
  public readonly honeypotUrl?: pulumi.Output<string>;

  constructor(name: string, args: WafAutoBlockArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:WafAutoBlock", name, args, opts);
    validate(args);
    const parent = { parent: this };
    const scope = args.scope ?? "REGIONAL";
    const capacity = args.ipSetCapacity ?? WAF_IP_SET_LIMIT;
    const shards = Math.ceil((args.maxAddresses ?? WAF_IP_SET_LIMIT) / capacity);
    if (shards * 2 > MAX_IP_SETS) throw componentError("WafAutoBlock", `maxAddresses ${args.maxAddresses} needs ${shards} IP sets per family; at most ${MAX_IP_SETS / 2} are supported`);
    const key = createEncryptionKey(
      `${name}-key`,
      { description: `Kamae WafAutoBlock ${name}: block queue, block table, logs`, servicePrincipals: ["events.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com"], allowCloudWatchLogs: true },
      parent,
    );
    this.kmsKeyArn = key.arn;
    const reports = reportTopic(`${name}-notifications`, args.notifications, key, parent);
    this.notificationTopicArn = reports.topicArn;
    const ctx: BuildContext = {
      name,
      args,
      parent,
      scope,
      key,
      reports,
      retention: args.logRetentionDays ?? 365,
      identity: aws.getCallerIdentityOutput({}, parent),
      partition: aws.getPartitionOutput({}, parent),
    };

    const sets = this.ipSets(ctx, shards);
    this.ipv4SetArns = sets.filter((s) => s.version === 4).map((s) => s.set.arn);
    this.ipv6SetArns = sets.filter((s) => s.version === 6).map((s) => s.set.arn);
    this.ruleGroupCapacity = MAX_IP_SETS;
    const ruleGroup = this.ruleGroup(ctx, sets, shards);
    this.ruleGroupArn = ruleGroup.arn;
    if (args.webAcl) this.webAclArn = this.webAcl(ctx, args.webAcl, ruleGroup);

    const blockTable = stateTable(`${name}-blocks`, { kmsKeyArn: key.arn, hashKey: "cidr", ttlAttribute: "ttl" }, parent);
    this.blockTableName = blockTable.name;
    const queue = this.blockQueue(ctx);
    this.blockQueueArn = queue.arn;
    this.blockQueueUrl = queue.url;
    this.writerFunctionArn = this.writer(ctx, sets, capacity, blockTable, queue);

    if (args.deepSecurity || args.guardDuty) this.eventFeeder(ctx, queue);
    if (args.accessLogs) this.accessLogFeeder(ctx, args.accessLogs, queue);
    if (args.reputationLists) this.reputationFeeder(ctx, args.reputationLists, queue);
    if (args.honeypot) this.honeypotUrl = this.honeypot(ctx, args.honeypot, queue);
    this.registerOutputs({
      blockQueueArn: this.blockQueueArn,
      blockQueueUrl: this.blockQueueUrl,
      kmsKeyArn: this.kmsKeyArn,
      ipv4SetArns: this.ipv4SetArns,
      ipv6SetArns: this.ipv6SetArns,
      ruleGroupArn: this.ruleGroupArn,
      webAclArn: this.webAclArn,
      blockTableName: this.blockTableName,
      writerFunctionArn: this.writerFunctionArn,
      notificationTopicArn: this.notificationTopicArn,
      honeypotUrl: this.honeypotUrl,
    });
  }

  /** IPv4 and IPv6 IP sets, sharded up front: created empty, then owned by the writer (Pulumi never resets them). */
  private ipSets(ctx: BuildContext, shards: number): IpSetShard[] {
    const { name, scope } = ctx;
    const sets: IpSetShard[] = [];
    for (const version of [4, 6] as const) {
      for (let i = 0; i < shards; i++) {
        const set = new aws.wafv2.IpSet(
          `${name}-ipv${version}-${i}`,
          { scope, ipAddressVersion: version === 4 ? "IPV4" : "IPV6", addresses: [], description: `Kamae WafAutoBlock ${name}: IPv${version} shard ${i}, written by the block writer` },
          { parent: this, ignoreChanges: ["addresses"] },
        );
        sets.push({ set, version });
      }
    }
    return sets;
  }

  /** The rule group that blocks (enforce) or counts (detect) every IP set, for any web ACL. */
  private ruleGroup(ctx: BuildContext, sets: IpSetShard[], shards: number): aws.wafv2.RuleGroup {
    const { name, scope, parent } = ctx;
    const mode = ctx.args.mode ?? "detect";
    const metric = metricName(name);
    return new aws.wafv2.RuleGroup(
      `${name}-rules`,
      {
        scope,
        capacity: MAX_IP_SETS, // fixed, so changing maxAddresses never replaces a rule group a web ACL references
        description: `Kamae WafAutoBlock ${name}: ${mode === "enforce" ? "block" : "count"} addresses blocked by the automation`,
        visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: metric("rules") },
        rules: sets.map(({ set, version }, i) => ({
          name: `kamae-ipv${version}-${i % shards}`,
          priority: i,
          action: mode === "enforce" ? { block: {} } : { count: {} },
          statement: { ipSetReferenceStatement: { arn: set.arn } },
          visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: metric(`ipv${version}-${i % shards}`) },
        })),
      },
      parent,
    );
  }

  /** A web ACL of its own holding the rule group, logging to an encrypted group, associated with the given resources. */
  private webAcl(ctx: BuildContext, webAcl: WafAutoBlockWebAclArgs, ruleGroup: aws.wafv2.RuleGroup): pulumi.Output<string> {
    const { name, scope, parent } = ctx;
    const metric = metricName(name);
    const acl = new aws.wafv2.WebAcl(
      `${name}-acl`,
      {
        scope,
        description: `Kamae WafAutoBlock ${name}`,
        defaultAction: { allow: {} },
        visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: metric("acl") },
        rules: [
          {
            name: "kamae-auto-block",
            priority: 0,
            overrideAction: { none: {} },
            statement: { ruleGroupReferenceStatement: { arn: ruleGroup.arn } },
            visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: metric("auto-block") },
          },
        ],
      },
      parent,
    );
    this.webAclLogging(ctx, acl);
    for (const [label, arn] of Object.entries(webAcl.associations ?? {})) {
      new aws.wafv2.WebAclAssociation(`${name}-acl-${label}-${stableSuffix(label)}`, { webAclArn: acl.arn, resourceArn: arn }, parent);
    }
    return acl.arn;
  }

  /** WAFV2_LOGGING_ENABLED: the web ACL logs to an encrypted log group whose name WAF requires to start so. */
  private webAclLogging(ctx: BuildContext, acl: aws.wafv2.WebAcl): void {
    const { name, parent, key, retention, identity, partition } = ctx;
    const wafLogs = new aws.cloudwatch.LogGroup(`${name}-waf-logs`, { namePrefix: `aws-waf-logs-${name}-`, retentionInDays: retention, kmsKeyId: key.arn }, parent);
    const logPolicy = new aws.cloudwatch.LogResourcePolicy(
      `${name}-waf-logs-delivery`,
      {
        policyName: `kamae-${name}-waf-logs`,
        policyDocument: pulumi.all([wafLogs.arn, identity.accountId, partition.partition]).apply(([arn, account, part]) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "WafDeliversLogs",
                Effect: "Allow",
                Principal: { Service: "delivery.logs.amazonaws.com" },
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${arn}:*`,
                Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": `arn:${part}:logs:*:${account}:*` } },
              },
            ],
          }),
        ),
      },
      parent,
    );
    new aws.wafv2.WebAclLoggingConfiguration(`${name}-acl-logging`, { resourceArn: acl.arn, logDestinationConfigs: [wafLogs.arn] }, { parent: this, dependsOn: [logPolicy] });
  }

  /** The encrypted block queue every feeder sends to, its dead-letter queue and alarm, the sweeper and the queue's policy. */
  private blockQueue(ctx: BuildContext): aws.sqs.Queue {
    const { name, parent, key, reports } = ctx;
    const deadLetters = deadLetterQueue(`${name}-block-queue-dlq`, key.arn, parent);
    const queue = new aws.sqs.Queue(
      `${name}-block-queue`,
      {
        kmsMasterKeyId: key.arn,
        kmsDataKeyReusePeriodSeconds: 300,
        visibilityTimeoutSeconds: WRITER_TIMEOUT_SECONDS * 6,
        messageRetentionSeconds: 345_600,
        // Generous: with one writer, a batch that arrives while it is busy is returned (throttled) and counts a receive.
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 20 }),
      },
      parent,
    );
    queueBacklogAlarm(
      `${name}-block-queue-dlq-alarm`,
      {
        description: `Kamae WafAutoBlock ${name}: block requests the writer could not apply are in the dead-letter queue`,
        queueName: deadLetters.name,
        topicArn: reports.topicArn,
      },
      parent,
    );
    const sweepRule = this.sweeper(ctx, queue, deadLetters);
    this.blockQueuePolicy(ctx, queue, sweepRule);
    return queue;
  }

  /** A schedule that sends the writer a tick through the queue, so expired blocks are lifted. */
  private sweeper(ctx: BuildContext, queue: aws.sqs.Queue, deadLetters: aws.sqs.Queue): aws.cloudwatch.EventRule {
    const { name, args, parent } = ctx;
    const rule = new aws.cloudwatch.EventRule(`${name}-sweep`, { description: `Kamae WafAutoBlock ${name}: lift expired blocks`, scheduleExpression: args.sweepSchedule ?? "rate(5 minutes)" }, parent);
    // A tick EventBridge cannot deliver lands in the dead-letter queue (and its alarm) like a failed block request.
    deadLetterQueuePolicy(`${name}-block-queue-dlq-policy`, deadLetters, [{ service: "events.amazonaws.com", sourceArn: rule.arn }], parent);
    new aws.cloudwatch.EventTarget(
      `${name}-sweep-target`,
      {
        rule: rule.name,
        arn: queue.arn,
        input: JSON.stringify({ kind: "kamae.sync" }),
        retryPolicy: { maximumEventAgeInSeconds: 300, maximumRetryAttempts: 3 },
        deadLetterConfig: { arn: deadLetters.arn },
      },
      parent,
    );
    return rule;
  }

  /** Who may send to the block queue: the sweeper's rule, Kamae's roles and the configured senders, over TLS. */
  private blockQueuePolicy(ctx: BuildContext, queue: aws.sqs.Queue, sweepRule: aws.cloudwatch.EventRule): void {
    const { name, args, parent, identity, partition } = ctx;
    const senders = pulumi.output(joinLists(args.senderArns ?? [], privilegedSenders(args)));
    new aws.sqs.QueuePolicy(
      `${name}-block-queue-policy`,
      {
        queueUrl: queue.url,
        policy: pulumi.all([queue.arn, sweepRule.arn, identity.accountId, partition.partition, senders]).apply(([queueArn, ruleArn, account, part, others]) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              { Sid: "SweeperTicks", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queueArn, Condition: { ArnEquals: { "aws:SourceArn": ruleArn }, StringEquals: { "aws:SourceAccount": account } } },
              {
                // Only the named senders, however broad a workload's own sqs:SendMessage grant: Kamae's responders
                // and feeders (roles under its path), the configured senders, and AWS services (the sweep's rule).
                Sid: "OnlyNamedSenders",
                Effect: "Deny",
                Principal: "*",
                Action: "sqs:SendMessage",
                Resource: queueArn,
                Condition: { ArnNotLike: { "aws:PrincipalArn": [`arn:${part}:iam::${account}:role${RESPONDER_ROLE_PATH}*`, ...new Set(others)] }, Bool: { "aws:PrincipalIsAWSService": "false" } },
              },
              { Sid: "DenyWithoutTls", Effect: "Deny", Principal: "*", Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: queueArn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
          }),
        ),
      },
      parent,
    );
  }

  /** The single writer (reserved concurrency 1) that turns the queue's block requests into IP set updates. */
  private writer(ctx: BuildContext, sets: IpSetShard[], capacity: number, blockTable: aws.dynamodb.Table, queue: aws.sqs.Queue): pulumi.Output<string> {
    const { name, args, parent, scope, key, reports, retention } = ctx;
    const minutes = { reputation: 1440, ...(args.blockMinutes ?? {}) };
    const writer = new ResponderFunction(
      `${name}-writer`,
      {
        code: "waf-block-writer",
        description: `Kamae WafAutoBlock ${name}: the single writer of the block list`,
        kmsKey: key,
        alarmTopicArn: reports.topicArn,
        timeoutSeconds: WRITER_TIMEOUT_SECONDS,
        memorySize: 1024,
        reservedConcurrency: 1,
        logRetentionDays: retention,
        environment: {
          [WriterEnv.tableName]: blockTable.name,
          [WriterEnv.ipSets]: pulumi.jsonStringify(sets.map(({ set, version }) => ({ name: set.name, id: set.id, scope, version }))),
          [WriterEnv.capacity]: String(capacity),
          [WriterEnv.allowlist]: (args.allowlist ?? []).join(","),
          [WriterEnv.blockPrivate]: String(args.blockPrivateRanges ?? WriterDefaults.blockPrivate),
          [WriterEnv.blockMinutes]: JSON.stringify(minutes),
          [WriterEnv.defaultBlockMinutes]: String(args.defaultBlockMinutes ?? WriterDefaults.defaultBlockMinutes),
          [WriterEnv.notifyTopicArn]: reports.topicArn,
          // SQS names a sender by its unique id (AROA…), not its ARN.
          [WriterEnv.privilegedSenderIds]: pulumi
            .output(mapItems(privilegedSenders(args), (arn) => aws.iam.getRoleOutput({ name: pulumi.output(arn).apply((a) => a.split("/").at(-1)!) }, parent).uniqueId))
            .apply((ids) => ids.join(",")),
          ...(scope === "CLOUDFRONT" ? { [WriterEnv.wafRegion]: "us-east-1" } : {}),
          ...(args.breaker?.windowMinutes !== undefined ? { [WriterEnv.breakerWindowMinutes]: String(args.breaker.windowMinutes) } : {}),
          // Listed sources replace the defaults one by one; the others keep theirs.
          ...(args.breaker?.maxNewBlocks !== undefined ? { [WriterEnv.breakerNewBlocks]: JSON.stringify({ ...DEFAULT_BREAKER.maxNewBlocks, ...args.breaker.maxNewBlocks }) } : {}),
          ...(args.minimumPrefix?.v4 !== undefined ? { [WriterEnv.minPrefixV4]: String(args.minimumPrefix.v4) } : {}),
          ...(args.minimumPrefix?.v6 !== undefined ? { [WriterEnv.minPrefixV6]: String(args.minimumPrefix.v6) } : {}),
          ...(args.reputationMinimumPrefix?.v4 !== undefined ? { [WriterEnv.reputationMinPrefixV4]: String(args.reputationMinimumPrefix.v4) } : {}),
          ...(args.reputationMinimumPrefix?.v6 !== undefined ? { [WriterEnv.reputationMinPrefixV6]: String(args.reputationMinimumPrefix.v6) } : {}),
        },
        statements: [
          { sid: "ReadWriteOwnIpSets", actions: ["wafv2:GetIPSet", "wafv2:UpdateIPSet"], resources: sets.map((s) => s.set.arn) },
          { sid: "BlockTable", actions: ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan"], resources: [blockTable.arn] },
          // What the event source mapping needs to poll the queue with the function's role (AWS's own
          // AWSLambdaSQSQueueExecutionRole grants these three); the code itself never calls SQS.
          { sid: "ConsumeBlockQueue", actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], resources: [queue.arn] },
          ...reports.publishStatements,
        ],
      },
      parent,
    );
    // Many requests per invocation: one UpdateIPSet per changed IP set however many requests arrived; a message whose
    // rows cannot be written comes back alone (partial batch response), the rest of the batch is done.
    writer.consume(`${name}-writer-queue`, queue, { batchSize: 5000, maximumBatchingWindowInSeconds: 5, maximumConcurrency: 2 });

    return writer.functionArn;
  }

  /** A feeder function: may send to the block queue (and only that), reports to the component's topic. */
  private feeder(ctx: BuildContext, queue: aws.sqs.Queue, spec: FeederSpec): ResponderFunction {
    const { name, key, reports, retention, parent } = ctx;
    const { id, sid, description, environment = {}, statements = [], ...rest } = spec;
    const sender: Statement = { sid: `SendBlockRequests${sid}`, actions: ["sqs:SendMessage"], resources: [queue.arn] };
    return new ResponderFunction(
      `${name}-${id}`,
      {
        ...rest,
        description: `Kamae WafAutoBlock ${name}: ${description}`,
        kmsKey: key,
        alarmTopicArn: reports.topicArn,
        logRetentionDays: retention,
        environment: { [FeederEnv.blockQueueUrl]: queue.url, ...environment },
        statements: [sender, ...statements],
      },
      parent,
    );
  }

  /** Deep Security events (SNS) and GuardDuty findings (EventBridge) to block requests. */
  private eventFeeder(ctx: BuildContext, queue: aws.sqs.Queue): void {
    const { name, args, parent } = ctx;
    const minSeverity = args.guardDuty?.minSeverity ?? DEFAULT_EVENT_FEEDER.guardDutyMinSeverity;
    const actionTypes = args.guardDuty?.actionTypes ?? DEFAULT_EVENT_FEEDER.guardDutyActions;
    const events = this.feeder(ctx, queue, {
      id: "events",
      sid: "Events",
      code: "waf-event-feeder",
      description: "Deep Security and GuardDuty events to block requests",
      environment: {
        [FeederEnv.dsPayloadMinSeverity]: String(args.deepSecurity?.payloadMinSeverity ?? DEFAULT_EVENT_FEEDER.payloadMinSeverity),
        [FeederEnv.dsPacketMinRepeat]: String(args.deepSecurity?.packetMinRepeat ?? DEFAULT_EVENT_FEEDER.packetMinRepeat),
        [FeederEnv.guardDutyMinSeverity]: String(minSeverity),
        [FeederEnv.guardDutyActions]: actionTypes.join(","),
        [FeederEnv.maxAddressesPerEvent]: String(args.guardDuty?.maxAddressesPerFinding ?? DEFAULT_EVENT_FEEDER.maxAddressesPerEvent),
        [FeederEnv.actOnSampleFindings]: String(args.guardDuty?.actOnSampleFindings ?? DEFAULT_EVENT_FEEDER.actOnSampleFindings),
      },
    });
    for (const [label, topicArn] of Object.entries(args.deepSecurity?.topics ?? {})) {
      const suffix = `${label}-${stableSuffix(label)}`;
      events.subscribe(`${name}-ds-${suffix}`, topicArn);
    }
    if (args.guardDuty) {
      const rule = new aws.cloudwatch.EventRule(
        `${name}-guardduty`,
        {
          description: `Kamae WafAutoBlock ${name}: GuardDuty findings naming remote addresses`,
          eventPattern: JSON.stringify({
            source: ["aws.guardduty"],
            "detail-type": ["GuardDuty Finding"],
            detail: { severity: [{ numeric: [">=", minSeverity] }], service: { action: { actionType: actionTypes } } },
          }),
        },
        parent,
      );
      events.trigger(`${name}-guardduty-target`, rule);
    }
  }

  /** Access-log objects to per-address windows and block requests. */
  private accessLogFeeder(ctx: BuildContext, logs: WafAutoBlockAccessLogArgs, queue: aws.sqs.Queue): void {
    const { name, parent, key, partition } = ctx;
    const buckets = checkedLogBuckets(logs);
    const counters = stateTable(`${name}-counters`, { kmsKeyArn: key.arn, hashKey: "ip", rangeKey: { name: "minute", type: "N" }, ttlAttribute: "ttl" }, parent);
    const parser = this.feeder(ctx, queue, {
      id: "log-parser",
      sid: "Logs",
      code: "waf-log-parser",
      description: "access logs to per-address windows and block requests",
      environment: {
        [FeederEnv.counterTable]: counters.name,
        [FeederEnv.errorsPerMinute]: String(logs.errorsPerMinute ?? DEFAULT_THRESHOLDS.errorsPerMinute),
        [FeederEnv.requestsPer5Minutes]: String(logs.requestsPer5Minutes ?? DEFAULT_THRESHOLDS.requestsPer5Minutes),
        [FeederEnv.trustedProxies]: trustedProxyList(logs, this),
        ...(logs.albErrorCodes ? { [FeederEnv.albErrorCodes]: logs.albErrorCodes.join(",") } : {}),
        ...(logs.cloudFrontErrorCodes ? { [FeederEnv.cloudFrontErrorCodes]: logs.cloudFrontErrorCodes.join(",") } : {}),
      },
      statements: [
        { sid: "ReadLogObjects", actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: mapItems(buckets, (b) => pulumi.interpolate`arn:${partition.partition}:s3:::${b}/*`) },
        { sid: "Counters", actions: ["dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem"], resources: [counters.arn] },
        ...(logs.kmsKeyArns !== undefined && mayHaveItems(logs.kmsKeyArns) ? [{ sid: "DecryptLogObjects", actions: ["kms:Decrypt"], resources: checkedItems(logs.kmsKeyArns, checkLogKey) }] : []),
      ],
      timeoutSeconds: 900,
      memorySize: 1024,
    });
    const rule = new aws.cloudwatch.EventRule(
      `${name}-access-logs`,
      {
        description: `Kamae WafAutoBlock ${name}: new access-log objects`,
        eventPattern: pulumi
          .output(buckets)
          .apply((names) => JSON.stringify({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [...names].sort() }, object: { key: [{ suffix: ".gz" }] } } })),
      },
      parent,
    );
    parser.trigger(`${name}-access-logs-target`, rule);
  }

  /** Reputation lists read on a schedule to block requests. */
  private reputationFeeder(ctx: BuildContext, lists: WafAutoBlockReputationArgs, queue: aws.sqs.Queue): void {
    const { name, parent } = ctx;
    const reputation = this.feeder(ctx, queue, {
      id: "reputation",
      sid: "Reputation",
      code: "waf-reputation-feeder",
      description: "reputation lists to block requests",
      environment: lists.urls ? { [FeederEnv.reputationUrls]: lists.urls.join(",") } : {},
      timeoutSeconds: 120,
    });
    const rule = new aws.cloudwatch.EventRule(`${name}-reputation-schedule`, { description: `Kamae WafAutoBlock ${name}: read reputation lists`, scheduleExpression: lists.schedule ?? "rate(1 hour)" }, parent);
    // A missed hourly read is made up by the next one: a short retry, then the failure queue.
    reputation.trigger(`${name}-reputation-target`, rule, { retry: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 } });
  }

  /** A honeypot URL (HTTP API, throttled) whose callers are blocked. */
  private honeypot(ctx: BuildContext, honeypot: WafAutoBlockHoneypotArgs, queue: aws.sqs.Queue): pulumi.Output<string> {
    const { name, parent, key, retention } = ctx;
    const trap = this.feeder(ctx, queue, {
      id: "honeypot",
      sid: "Honeypot",
      code: "waf-honeypot",
      description: "honeypot URL whose callers are blocked",
      environment: { [FeederEnv.trustedProxies]: (honeypot.trustedProxies ?? []).join(",") },
      timeoutSeconds: 10,
      reservedConcurrency: 5,
    });
    const api = new aws.apigatewayv2.Api(`${name}-honeypot-api`, { protocolType: "HTTP", description: `Kamae WafAutoBlock ${name}: honeypot` }, parent);
    const integration = new aws.apigatewayv2.Integration(
      `${name}-honeypot-integration`,
      { apiId: api.id, integrationType: "AWS_PROXY", integrationUri: trap.functionArn, payloadFormatVersion: "2.0" },
      parent,
    );
    new aws.apigatewayv2.Route(`${name}-honeypot-route`, { apiId: api.id, routeKey: "$default", target: pulumi.interpolate`integrations/${integration.id}` }, parent);
    const accessLogs = new aws.cloudwatch.LogGroup(`${name}-honeypot-access`, { namePrefix: `/kamae/${name}-honeypot-access-`, retentionInDays: retention, kmsKeyId: key.arn }, parent);
    new aws.apigatewayv2.Stage(
      `${name}-honeypot-stage`,
      {
        apiId: api.id,
        name: "$default",
        autoDeploy: true,
        // Bounded: a flood on the honeypot costs little and cannot exhaust the account's Lambda concurrency.
        defaultRouteSettings: { throttlingBurstLimit: 20, throttlingRateLimit: 10 },
        accessLogSettings: {
          destinationArn: accessLogs.arn,
          format: JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", method: "$context.httpMethod", path: "$context.path", status: "$context.status", time: "$context.requestTime" }),
        },
      },
      parent,
    );
    trap.allowInvocation(`${name}-honeypot-invoke`, "apigateway.amazonaws.com", pulumi.interpolate`${api.executionArn}/*/*`);
    return api.apiEndpoint;
  }
}
