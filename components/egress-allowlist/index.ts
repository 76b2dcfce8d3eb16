import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EnforcementMode } from "../shared/runtime/mode";
import { checkedList, plainItems, Validator } from "../shared/validation";
import { createEncryptionKey } from "../shared/kms";
import { labelledChild } from "../shared/naming";
import {
  awsServiceDomains,
  DEFAULT_AWS_SERVICES,
  MAX_DOMAINS,
  networkFirewallRules,
  validateDomains,
  VENDOR_DOMAINS,
  VPC_INTERNAL_DOMAINS,
} from "./domains";

// Named `as const` objects with a same-named union type: callers pass the plain strings, and Pulumi's schema inference
// turns each into a named enum for the other languages.

/** DNS answer to a blocked query. */
export const DnsBlockResponse = {
  /** The name exists but has no records of the type asked. */
  Nodata: "NODATA",
  /** The name does not exist. */
  Nxdomain: "NXDOMAIN",
} as const;
export type DnsBlockResponse = (typeof DnsBlockResponse)[keyof typeof DnsBlockResponse];

const NO_SUBNETS = "networkFirewall.subnetIds is empty";

export interface EgressNetworkFirewallArgs {
  /** VPC of the firewall. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * Dedicated firewall subnets, one per Availability Zone (route the workload's egress through the endpoints); the ids
   * and the list may be outputs (`vpc.firewallSubnetIds`).
   */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
}

export interface EgressAllowlistArgs {
  /**
   * VPCs whose DNS queries the allowlist filters, by label (`{ workload: vpc.id }`; at least one): each one associated
   * with the rule group and query logging, by children named from the label.
   */
  readonly vpcIds: Record<string, pulumi.Input<string>>;
  /** `detect` (default: DNS Firewall and Network Firewall alert on what they would block) or `enforce` (answer NODATA/NXDOMAIN, drop) for domains not on the list. */
  readonly mode?: EnforcementMode;
  /** Extra allowed domains (`example.com`, `*.example.com`). */
  readonly allowedDomains?: string[];
  /** Allow the agent vendor's endpoints (default true). */
  readonly allowVendorDomains?: boolean;
  /**
   * Replaces the vendor's default endpoints (`*.deepsecurity.trendmicro.com`, `*.cloudone.trendmicro.com`,
   * `*.workload.trendmicro.com`, `*.activeupdate.trendmicro.com`, `*.icrc.trendmicro.com`, `*.trendmicro.com.cn`).
   */
  readonly vendorDomains?: string[];
  /**
   * AWS services (endpoint prefixes) the workload reaches in this Region, allowed as `<service>.<region>.amazonaws.com`
   * (S3 adds its bucket-style and dual-stack names); default ec2, ec2messages, kms, logs, monitoring, s3, ssm,
   * ssmmessages, sts.
   */
  readonly awsServices?: string[];
  /** Allow the VPC's internal names (`*.compute.internal`, reverse lookups); default true. */
  readonly allowVpcInternalNames?: boolean;
  /** DNS answer for blocked queries in enforce mode (default NODATA). */
  readonly blockResponse?: DnsBlockResponse;
  /** Priority of the rule group's association with each VPC, 101-9899 (default 5000; lower runs first). */
  readonly associationPriority?: number;
  /** Let DNS queries through when DNS Firewall is impaired (default false: fail closed in enforce mode). */
  readonly failOpen?: boolean;
  /** Existing KMS key for the log groups and the network firewall; default: a key created here. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Retention of the query and firewall logs (default 365 days). */
  readonly logRetentionDays?: number;
  /** Also filter TLS (SNI) and HTTP (Host) traffic with AWS Network Firewall, for traffic that does not use DNS. */
  readonly networkFirewall?: EgressNetworkFirewallArgs;
}

/** Priorities of the two rules inside the group: the allow list is evaluated before the catch-all. */
export const ALLOW_RULE_PRIORITY = 100;
export const CATCH_ALL_RULE_PRIORITY = 200;

/**
 * Outbound control by domain: a Route 53 Resolver DNS Firewall rule group that allows the listed domains (the agent
 * vendor's endpoints, the AWS endpoints the workload needs, the user's own), then alerts on or blocks every other name,
 * associated with every given VPC, with query logging to a KMS-encrypted log group. Optionally AWS Network Firewall
 * applies the same list to TLS and HTTP traffic that bypasses DNS.
 */
export class EgressAllowlist extends pulumi.ComponentResource {
  /** The allowed domains, as deployed (defaults resolved for the Region). */
  public readonly allowedDomains: pulumi.Output<string[]>;
  /** The DNS Firewall rule group associated with every VPC. */
  public readonly ruleGroupId: pulumi.Output<string>;
  /** The log group of the VPCs' DNS queries. */
  public readonly queryLogGroupName: pulumi.Output<string>;
  /** The key of the logs and the network firewall (created or given). */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** ARN of the network firewall, when one is created. */
  public readonly networkFirewallArn?: pulumi.Output<string>;

  constructor(name: string, args: EgressAllowlistArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:EgressAllowlist", name, {}, opts);
    const parent = { parent: this };

    const check: Validator = new Validator("EgressAllowlist");
    check.oneOf("mode", args.mode, EnforcementMode);
    check.oneOf("blockResponse", args.blockResponse, DnsBlockResponse);
    check.integer("associationPriority", args.associationPriority, 101, 9899);
    check.arn("kmsKeyArn", args.kmsKeyArn, "kms");
    check.logRetentionDays("logRetentionDays", args.logRetentionDays);
    check.vpcId("networkFirewall.vpcId", args.networkFirewall?.vpcId);
    for (const subnet of plainItems(args.networkFirewall?.subnetIds)) check.subnetId("networkFirewall.subnetIds", subnet);
    const mode = args.mode ?? "detect";
    const blockResponse = args.blockResponse ?? "NODATA";
    const priority = args.associationPriority ?? 5000;
    const vpcs = vpcMap(args);
    const own = validateDomains(args.allowedDomains ?? [], "allowedDomains");
    const vendor = args.allowVendorDomains === false ? [] : validateDomains(args.vendorDomains ?? VENDOR_DOMAINS, "vendorDomains");
    const internal = args.allowVpcInternalNames === false ? [] : [...VPC_INTERNAL_DOMAINS];
    const services = args.awsServices ?? DEFAULT_AWS_SERVICES;
    awsServiceDomains(services, "us-east-1"); // validates the service names now; the Region is known later
    if (Array.isArray(args.networkFirewall?.subnetIds) && args.networkFirewall.subnetIds.length === 0) check.fail(NO_SUBNETS);
    const retention = args.logRetentionDays ?? 365;

    const region = aws.getRegionOutput({}, parent).region;
    this.allowedDomains = region.apply((r) => {
      const all = validateDomains([...vendor, ...awsServiceDomains(services, r), ...internal, ...own], "the allow list");
      if (all.length > MAX_DOMAINS) check.fail(`${all.length} domains exceed ${MAX_DOMAINS}`);
      return all;
    });

    this.kmsKeyArn =
      args.kmsKeyArn !== undefined
        ? pulumi.output(args.kmsKeyArn)
        : createEncryptionKey(`${name}-key`, { description: `Kamae EgressAllowlist ${name}: DNS query logs and firewall`, allowCloudWatchLogs: true }, parent).arn;

    // The rule group: allow list first, then the catch-all.
    const allowList = new aws.route53.ResolverFirewallDomainList(`${name}-allowed`, { name: `kamae-${name}-allowed`, domains: this.allowedDomains }, parent);
    const everything = new aws.route53.ResolverFirewallDomainList(`${name}-everything`, { name: `kamae-${name}-everything`, domains: ["*"] }, parent);
    const group = new aws.route53.ResolverFirewallRuleGroup(`${name}-rules`, { name: `kamae-${name}-egress` }, parent);
    new aws.route53.ResolverFirewallRule(
      `${name}-allow`,
      { name: "allow-listed-domains", action: "ALLOW", firewallDomainListId: allowList.id, firewallRuleGroupId: group.id, priority: ALLOW_RULE_PRIORITY },
      parent,
    );
    new aws.route53.ResolverFirewallRule(
      `${name}-catch-all`,
      {
        name: mode === "enforce" ? "block-other-domains" : "alert-other-domains",
        action: mode === "enforce" ? "BLOCK" : "ALERT",
        ...(mode === "enforce" ? { blockResponse } : {}),
        firewallDomainListId: everything.id,
        firewallRuleGroupId: group.id,
        priority: CATCH_ALL_RULE_PRIORITY,
      },
      parent,
    );
    this.ruleGroupId = group.id;

    // Query logs: what each VPC asked and what DNS Firewall did (ALERT lines are the "would block" report).
    const queryLogs = new aws.cloudwatch.LogGroup(`${name}-query-logs`, { namePrefix: `/kamae/${name}-dns-queries-`, retentionInDays: retention, kmsKeyId: this.kmsKeyArn }, parent);
    this.queryLogGroupName = queryLogs.name;
    const logConfig = new aws.route53.ResolverQueryLogConfig(`${name}-query-logging`, { name: `kamae-${name}-dns-queries`, destinationArn: queryLogs.arn }, parent);

    for (const [label, vpcId] of Object.entries(vpcs)) {
      const child = labelledChild(`${name}-vpc`, label, vpcId);
      const aliases = (suffix: string) => ({ ...parent, aliases: child.formerName !== undefined ? [{ name: `${child.formerName}${suffix}` }] : [] });
      new aws.route53.ResolverFirewallRuleGroupAssociation(
        child.name,
        { name: `kamae-${name}-${label}`, firewallRuleGroupId: group.id, vpcId, priority, mutationProtection: "DISABLED" },
        aliases(""),
      );
      new aws.route53.ResolverQueryLogConfigAssociation(`${child.name}-logging`, { resolverQueryLogConfigId: logConfig.id, resourceId: vpcId }, aliases("-logging"));
      if (args.failOpen !== undefined) {
        new aws.route53.ResolverFirewallConfig(`${child.name}-fail-mode`, { resourceId: vpcId, firewallFailOpen: args.failOpen ? "ENABLED" : "DISABLED" }, aliases("-fail-mode"));
      }
    }

    if (args.networkFirewall) {
      const nf = args.networkFirewall;
      const encryption = { type: "CUSTOMER_KMS", keyId: this.kmsKeyArn };
      const rules = this.allowedDomains.apply((domains) => networkFirewallRules(domains, mode));
      const ruleGroup = new aws.networkfirewall.RuleGroup(
        `${name}-nf-rules`,
        {
          name: `kamae-${name}-egress`,
          type: "STATEFUL",
          // Each domain yields two rules; capacity cannot change later without replacement, so leave headroom.
          capacity: Math.max(100, 2 * MAX_DOMAINS + 10),
          ruleGroup: { rulesSource: { rulesString: rules }, statefulRuleOptions: { ruleOrder: "STRICT_ORDER" } },
          encryptionConfiguration: encryption,
        },
        parent,
      );
      const policy = new aws.networkfirewall.FirewallPolicy(
        `${name}-nf-policy`,
        {
          name: `kamae-${name}-egress`,
          encryptionConfiguration: encryption,
          firewallPolicy: {
            statelessDefaultActions: ["aws:forward_to_sfe"],
            statelessFragmentDefaultActions: ["aws:forward_to_sfe"],
            statefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
            statefulRuleGroupReferences: [{ resourceArn: ruleGroup.arn, priority: 1 }],
          },
        },
        parent,
      );
      const firewall = new aws.networkfirewall.Firewall(
        `${name}-nf`,
        {
          name: `kamae-${name}-egress`,
          vpcId: nf.vpcId,
          firewallPolicyArn: policy.arn,
          // Checked as the plain ones were at construction, once known.
          subnetMappings: checkedList(nf.subnetIds, (subnet) => check.subnetId("networkFirewall.subnetIds", subnet)).apply((ids) => {
            if (ids.length === 0) check.fail(NO_SUBNETS);
            return ids.map((subnetId) => ({ subnetId }));
          }),
          deleteProtection: true,
          subnetChangeProtection: false,
          encryptionConfiguration: encryption,
        },
        parent,
      );
      const alerts = new aws.cloudwatch.LogGroup(`${name}-nf-alerts`, { namePrefix: `/kamae/${name}-firewall-alerts-`, retentionInDays: retention, kmsKeyId: this.kmsKeyArn }, parent);
      new aws.networkfirewall.LoggingConfiguration(
        `${name}-nf-logging`,
        {
          firewallArn: firewall.arn,
          loggingConfiguration: { logDestinationConfigs: [{ logDestinationType: "CloudWatchLogs", logType: "ALERT", logDestination: { logGroup: alerts.name } }] },
        },
        parent,
      );
      this.networkFirewallArn = firewall.arn;
    }

    this.registerOutputs({
      allowedDomains: this.allowedDomains,
      ruleGroupId: this.ruleGroupId,
      queryLogGroupName: this.queryLogGroupName,
      kmsKeyArn: this.kmsKeyArn,
      networkFirewallArn: this.networkFirewallArn,
    });
  }
}

/** The VPCs by label (the label names their children, so an id may be an output). */
function vpcMap(args: EgressAllowlistArgs): Record<string, pulumi.Input<string>> {
  const check: Validator = new Validator("EgressAllowlist");
  // JavaScript and YAML programs written before vpcIds became the label map.
  if ("namedVpcIds" in args) check.fail("namedVpcIds is now vpcIds (the same map of labels to VPC ids)");
  check.labelMap("vpcIds", args.vpcIds);
  for (const id of Object.values(args.vpcIds ?? {})) check.vpcId("vpcIds", id);
  if (Object.keys(args.vpcIds ?? {}).length === 0) check.fail("give at least one VPC in vpcIds");
  return args.vpcIds;
}
