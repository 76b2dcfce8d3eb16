import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { strict as assert } from "node:assert";
import { ALLOW_RULE_PRIORITY, CATCH_ALL_RULE_PRIORITY, EgressAllowlist } from "../../components/egress-allowlist";
import { networkFirewallRules, validateDomain, validateDomains, VENDOR_DOMAINS } from "../../components/egress-allowlist/domains";
import { iamDocuments, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const VPC_A = "vpc-0a1b2c3d4e5f60718";
const VPC_B = "vpc-0f1e2d3c4b5a69788";

/** The recorded firewall rules, keyed by the domains of the list each one uses, in evaluation order. */
function rulesInOrder(): Array<Record<string, any> & { domains?: string[] }> {
  const lists = new Map(resourcesOfType("aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList").map((l) => [l.id, l.state.domains as string[]]));
  return resourcesOfType("aws:route53/resolverFirewallRule:ResolverFirewallRule")
    .map((r): Record<string, any> => ({ ...r.state, domains: lists.get(r.state.firewallDomainListId) }))
    .sort((a, b) => a.priority - b.priority);
}

describe("EgressAllowlist", () => {
  beforeEach(() => useOfflineMocks());

  describe("the DNS Firewall rule group", () => {
    it("allows the vendor, AWS and internal domains first, then alerts on everything else (default mode)", async () => {
      const egress = new EgressAllowlist("egress", { vpcIds: { a: VPC_A } });
      await settle();
      const rules = rulesInOrder();
      assert.equal(rules.length, 2);
      const [allow, rest] = rules;
      assert.equal(allow.action, "ALLOW");
      assert.equal(allow.priority, ALLOW_RULE_PRIORITY);
      assert.equal(rest.action, "ALERT");
      assert.equal(rest.priority, CATCH_ALL_RULE_PRIORITY);
      assert.ok(allow.priority < rest.priority, "the allow list must be evaluated before the catch-all");
      assert.deepEqual(rest.domains, ["*"]);
      assert.equal(rest.blockResponse, undefined);
      for (const d of [...VENDOR_DOMAINS, "ssm.us-east-1.amazonaws.com", "ssmmessages.us-east-1.amazonaws.com", "ec2messages.us-east-1.amazonaws.com", "*.s3.us-east-1.amazonaws.com", "*.compute.internal"]) {
        assert.ok(allow.domains!.includes(d), `${d} missing from the allow list`);
      }
      assert.deepEqual(await valueOf(egress.allowedDomains), allow.domains);
      const groups = resourcesOfType("aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup");
      assert.equal(groups.length, 1);
      assert.ok(rules.every((r) => r.firewallRuleGroupId === groups[0].id));
    });

    it("blocks everything else in enforce mode, with the chosen DNS answer", async () => {
      new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, mode: "enforce", blockResponse: "NXDOMAIN" });
      await settle();
      const [allow, rest] = rulesInOrder();
      assert.equal(allow.action, "ALLOW");
      assert.equal(rest.action, "BLOCK");
      assert.equal(rest.blockResponse, "NXDOMAIN");
      assert.deepEqual(rest.domains, ["*"]);
    });

    it("extends the list with the user's domains (normalised, de-duplicated) and can drop the defaults", async () => {
      new EgressAllowlist("egress", {
        vpcIds: { a: VPC_A },
        allowedDomains: ["API.Example.com.", "*.pypi.org", "api.example.com"],
        allowVendorDomains: false,
        allowVpcInternalNames: false,
        awsServices: ["ssm"],
      });
      await settle();
      const [allow] = rulesInOrder();
      assert.deepEqual(allow.domains, ["ssm.us-east-1.amazonaws.com", "api.example.com", "*.pypi.org"]);
    });

    it("associates the rule group and query logging with every VPC, and only those", async () => {
      new EgressAllowlist("egress", { vpcIds: { a: VPC_A, b: VPC_B, shared: pulumi.output("vpc-0123456789abcdef0") }, associationPriority: 1500, failOpen: false });
      await settle();
      const group = resourcesOfType("aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup")[0];
      const associations = resourcesOfType("aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation");
      assert.deepEqual(associations.map((a) => a.state.vpcId).sort(), ["vpc-0123456789abcdef0", VPC_A, VPC_B].sort());
      assert.ok(associations.every((a) => a.state.firewallRuleGroupId === group.id && a.state.priority === 1500));
      const logConfig = resourcesOfType("aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig")[0];
      const logAssociations = resourcesOfType("aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation");
      assert.deepEqual(logAssociations.map((a) => a.state.resourceId).sort(), ["vpc-0123456789abcdef0", VPC_A, VPC_B].sort());
      assert.ok(logAssociations.every((a) => a.state.resolverQueryLogConfigId === logConfig.id));
      assert.deepEqual(resourcesOfType("aws:route53/resolverFirewallConfig:ResolverFirewallConfig").map((c) => c.state.firewallFailOpen), ["DISABLED", "DISABLED", "DISABLED"]);
    });

    it("keeps association names stable when the VPC list is reordered", async () => {
      new EgressAllowlist("egress", { vpcIds: { a: VPC_A, b: VPC_B } });
      const first = (await settle()).filter((r) => r.type.includes("resolverFirewallRuleGroupAssociation")).map((r) => `${r.name}=${r.state.vpcId}`).sort();
      await useOfflineMocks();
      new EgressAllowlist("egress", { vpcIds: { b: VPC_B, a: VPC_A } });
      const second = (await settle()).filter((r) => r.type.includes("resolverFirewallRuleGroupAssociation")).map((r) => `${r.name}=${r.state.vpcId}`).sort();
      assert.deepEqual(second, first);
    });

    it("logs queries to a KMS-encrypted log group with retention, under a key CloudWatch Logs may use", async () => {
      new EgressAllowlist("egress", { vpcIds: { a: VPC_A } });
      await settle();
      const [group] = resourcesOfType("aws:cloudwatch/logGroup:LogGroup");
      const [key] = resourcesOfType("aws:kms/key:Key");
      assert.equal(group.state.kmsKeyId, key.state.arn);
      assert.equal(group.state.retentionInDays, 365);
      assert.equal(resourcesOfType("aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig")[0].state.destinationArn, group.state.arn);
      const policy = iamDocuments().find((d) => d.resource === "egress-key")!.document;
      const logs = policy.Statement.find((s: any) => s.Sid === "CloudWatchLogsEncrypt");
      assert.equal(logs.Principal.Service, "logs.us-east-1.amazonaws.com");
      assert.equal(key.state.enableKeyRotation, true);
    });
  });

  describe("AWS Network Firewall", () => {
    it("applies the same domains to TLS and HTTP with strict order, in the given subnets, encrypted and logged", async () => {
      const egress = new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, mode: "enforce", allowedDomains: ["api.example.com"], networkFirewall: { vpcId: VPC_A, subnetIds: ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"] } });
      await settle();
      const domains = await valueOf(egress.allowedDomains);
      const [ruleGroup] = resourcesOfType("aws:networkfirewall/ruleGroup:RuleGroup");
      assert.equal(ruleGroup.state.type, "STATEFUL");
      assert.equal(ruleGroup.state.ruleGroup.rulesSource.rulesString, networkFirewallRules(domains, "enforce"));
      assert.equal(ruleGroup.state.ruleGroup.statefulRuleOptions.ruleOrder, "STRICT_ORDER");
      assert.equal(ruleGroup.state.encryptionConfiguration.type, "CUSTOMER_KMS");
      const [policy] = resourcesOfType("aws:networkfirewall/firewallPolicy:FirewallPolicy");
      assert.equal(policy.state.firewallPolicy.statefulRuleGroupReferences[0].resourceArn, ruleGroup.state.arn);
      assert.deepEqual(policy.state.firewallPolicy.statelessDefaultActions, ["aws:forward_to_sfe"]);
      const [firewall] = resourcesOfType("aws:networkfirewall/firewall:Firewall");
      assert.deepEqual(firewall.state.subnetMappings, [{ subnetId: "subnet-0aaa1111bbbb2222c" }, { subnetId: "subnet-0ddd3333eeee4444f" }]);
      assert.equal(firewall.state.vpcId, VPC_A);
      assert.equal(resourcesOfType("aws:networkfirewall/loggingConfiguration:LoggingConfiguration").length, 1);
      assert.ok(resourcesOfType("aws:cloudwatch/logGroup:LogGroup").every((g) => g.state.kmsKeyId && g.state.retentionInDays));
    });

    it("writes pass rules for each domain before the catch-all, which alerts or drops by mode", () => {
      const alert = networkFirewallRules(["api.example.com", "*.pypi.org"], "detect").split("\n");
      assert.equal(alert.length, 6);
      assert.match(alert[0], /^pass tls .*tls\.sni; content:"api\.example\.com"; nocase; startswith; endswith;/);
      assert.match(alert[3], /^pass http .*http\.host; content:"\.pypi\.org"; nocase; endswith;/);
      assert.match(alert[4], /^alert tls /);
      assert.match(alert[5], /^alert http /);
      const block = networkFirewallRules(["api.example.com"], "enforce").split("\n");
      assert.match(block[2], /^drop tls /);
      const sids = alert.map((r) => /sid:(\d+);/.exec(r)![1]);
      assert.equal(new Set(sids).size, sids.length, "every rule needs its own sid");
    });
  });

  describe("domain validation", () => {
    const bad: Array<[string, RegExp]> = [
      ["", /a domain is empty/],
      ["*", /would allow everything; the catch-all rule is the component's/],
      ["https://api.example.com/v1", /is a URL; give the host name only \(e\.g\. api\.example\.com\)/],
      ["api.example.com:443", /contains a path, port or user part/],
      ["api.example.com/path", /contains a path, port or user part/],
      ["10.0.0.1", /is an IP address; DNS Firewall matches names/],
      ["bücher.example", /non-ASCII characters; give its punycode form/],
      ["api.*.example.com", /a wildcard is only allowed as the whole leftmost label/],
      ["*api.example.com", /a wildcard is only allowed as the whole leftmost label/],
      ["*.com", /allows a whole top-level domain/],
      ["api..example.com", /has an empty label/],
      [".example.com", /has an empty label/],
      ["-api.example.com", /has an invalid label "-api"/],
      ["api example.com", /has an invalid label "api example"/],
      [`${"a".repeat(64)}.example.com`, /label longer than 63 characters/],
      [`${"abcdefghi.".repeat(26)}com`, /longer than 253 characters/],
    ];
    for (const [domain, message] of bad) {
      it(`refuses ${JSON.stringify(domain).slice(0, 40)}`, () => {
        assert.throws(() => validateDomain(domain), (err: Error) => message.test(err.message) && err.message.startsWith("kamae:EgressAllowlist:"));
        assert.throws(() => new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, allowedDomains: [domain] }), message);
      });
    }

    it("normalises case and the trailing dot, and accepts underscores (service records) and punycode", () => {
      assert.equal(validateDomain(" API.Example.COM. "), "api.example.com");
      assert.equal(validateDomain("_ldap._tcp.corp.example"), "_ldap._tcp.corp.example");
      assert.equal(validateDomain("*.xn--bcher-kva.example"), "*.xn--bcher-kva.example");
    });

    it("refuses too many domains and bad VPC, priority and service arguments", () => {
      assert.throws(() => validateDomains(Array.from({ length: 1001 }, (_, i) => `host${i}.example.com`)), /1001 domains; a DNS Firewall domain list takes at most 1000/);
      assert.throws(() => new EgressAllowlist("egress", { vpcIds: {} }), /give at least one VPC/);
      assert.throws(() => new EgressAllowlist("egress", { vpcIds: { a: "default" } }), /vpcIds: "default" is not a VPC id \(vpc-…\)/);
      assert.throws(() => new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, associationPriority: 100 }), /associationPriority must be a whole number from 101 to 9899, got 100/);
      assert.throws(() => new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, mode: "deny" as any }), /mode must be one of "enforce", "detect", got "deny"/);
      assert.throws(() => new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, awsServices: ["ssm.amazonaws.com/x"] }), /AWS service "ssm.amazonaws.com\/x" must be an endpoint prefix/);
      assert.throws(() => new EgressAllowlist("egress", { vpcIds: { a: VPC_A }, networkFirewall: { vpcId: VPC_A, subnetIds: [] } }), /subnetIds is empty/);
    });

    it("accepts every generated well-formed name and never lets a hostile string through unchanged", () => {
      const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
      // Four numeric labels form an IPv4 address, which is refused on purpose.
      const names = fc.array(label, { minLength: 2, maxLength: 5 }).filter((l) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(l.join(".")));
      fc.assert(fc.property(names, fc.boolean(), (labels, wildcard) => {
        const name = `${wildcard ? "*." : ""}${labels.join(".")}`;
        assert.equal(validateDomain(name), name);
      }));
      fc.assert(fc.property(fc.string(), (s) => {
        try {
          const out = validateDomain(s);
          assert.match(out, /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/);
        } catch (err) {
          assert.match((err as Error).message, /^kamae:EgressAllowlist: /);
        }
      }));
    });
  });
});
