import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzedResource, defaultPolicyPackDir, PolicyFinding, PolicyPackProcess, secretValue, UNKNOWN_VALUE } from "../../cli/analyzer-client";
import { catalog, enforcementLevelOf, previewEntries } from "../../policies/catalog";
import { ruleEntries } from "../../policies/rules/entries";
import { KEY_ARN, secureBucket } from "../../policies/rules/cases";

/**
 * The pack as `pulumi preview --policy-pack` runs it: its own process, spoken to over the analyzer gRPC protocol
 * (GetAnalyzerInfo, Configure, Analyze, AnalyzeStack). Nothing here constructs a PolicyPack in-process.
 */

const STACK = "urn:pulumi:ci::shop";
const urnOf = (type: string, name: string) => `${STACK}::${type}::${name}`;
const resource = (type: string, name: string, properties: Record<string, any>, extra: Partial<AnalyzedResource> = {}): AnalyzedResource => ({
  urn: urnOf(type, name),
  type,
  name,
  properties,
  ...extra,
});

/** The account baseline, so that only the findings a test is about remain. */
const baseline: AnalyzedResource[] = [
  resource("aws:cloudtrail/trail:Trail", "org", {
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: secretValue(KEY_ARN),
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:trail:*",
    s3BucketName: "trail-bucket",
    eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
  }),
  resource("aws:guardduty/detector:Detector", "gd", { enable: true }),
  resource("aws:securityhub/account:Account", "hub", {}),
  resource("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs", { enabled: true }),
  resource("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "bpa", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
];

const fromFixture = (views: ReturnType<typeof secureBucket>): AnalyzedResource[] =>
  views.map((v) => resource(v.type, v.name, v.props));

const sg = (name: string, ingress: any[], tags?: Record<string, string>) =>
  resource("aws:ec2/securityGroup:SecurityGroup", name, { ingress, egress: [], ...(tags ? { tags } : {}) });
const world = (port: number) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"] });
/**
 * The rules added for FSBP coverage are judged by their own cases beside them; these protocol tests keep to the
 * policies their fixtures were written for, so a new rule does not change what they assert.
 */
const FSBP_RULES = new Set(ruleEntries.map((e) => e.id));
async function startPack(...args: Parameters<typeof PolicyPackProcess.start>): Promise<PolicyPackProcess> {
  const pack = await PolicyPackProcess.start(...args);
  const keep = (findings: PolicyFinding[]) => findings.filter((f) => !FSBP_RULES.has(f.policyName));
  const { analyze, analyzeStack } = pack;
  return Object.assign(pack, {
    analyze: async (...args: Parameters<typeof analyze>) => keep(await analyze.apply(pack, args)),
    analyzeStack: async (...args: Parameters<typeof analyzeStack>) => keep(await analyzeStack.apply(pack, args)),
  });
}
const summary = (findings: PolicyFinding[]) => findings.map((f) => `${f.policyName}:${f.enforcementLevel}${f.suppressed ? ":suppressed" : ""}`).sort();

describe("the policy pack over the analyzer protocol", function () {
  this.timeout(120_000);

  describe("with the default configuration", () => {
    let pack: PolicyPackProcess;
    before(async () => {
      pack = await startPack(defaultPolicyPackDir());
    });
    after(() => pack?.close());

    it("GetAnalyzerInfo lists every policy with its default level and severity", async () => {
      const info = await pack.info();
      assert.equal(info.name, "kamae");
      assert.equal(info.version, JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).version);
      assert.deepEqual(info.policies.map((p) => p.name), previewEntries.map((e) => e.id));
      for (const p of info.policies) {
        const entry = catalog.find((e) => e.id === p.name)!;
        assert.equal(p.enforcementLevel, enforcementLevelOf(entry), p.name);
        assert.equal(p.severity, entry.severity);
        assert.ok(p.configSchema?.properties.suppressions, `${p.name} accepts suppressions`);
      }
      const ports = info.policies.find((p) => p.name === "restricted-common-ports")!;
      assert.deepEqual(ports.configSchema!.properties.blockedPorts.default, [20, 21, 3389, 3306, 4333]);
    });

    it("Analyze reports an open SSH port as mandatory, on the resource", async () => {
      const web = sg("web", [world(22), world(443)]);
      const findings = await pack.analyze(web);
      assert.deepEqual(summary(findings), ["restricted-ssh:mandatory", "vpc-sg-open-only-to-authorized-ports:mandatory"]);
      const ssh = findings.find((f) => f.policyName === "restricted-ssh")!;
      assert.equal(ssh.urn, web.urn);
      assert.equal(ssh.policyPackName, "kamae");
      assert.match(ssh.message, /web \(SecurityGroup\) opens SSH \(ports 22-22\/tcp\) to the internet/);
      assert.equal(ssh.severity, "high");
    });

    it("Analyze judges separate rule resources, and finds nothing on correct modern code", async () => {
      const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "rdp", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" });
      assert.deepEqual(summary(await pack.analyze(rule)), ["restricted-common-ports:mandatory", "vpc-sg-open-only-to-authorized-ports:mandatory"]);
      assert.deepEqual(await pack.analyze(sg("alb", [world(80), world(443)])), []);
      assert.deepEqual(await pack.analyze(resource("aws:sns/topic:Topic", "alerts", { kmsMasterKeyId: KEY_ARN })), []);
      assert.deepEqual(await pack.analyze(resource("aws:ec2/launchTemplate:LaunchTemplate", "web", { metadataOptions: { httpTokens: "required" }, iamInstanceProfile: { name: "web" }, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] })), []);
    });

    it("Analyze never reads an unknown value as compliant, nor fails on it ('can't run'): it answers cannot-judge", async () => {
      const ssh = await pack.analyze(sg("web", [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_VALUE] }]));
      assert.deepEqual(summary(ssh), ["restricted-ssh:advisory", "vpc-sg-open-only-to-authorized-ports:advisory"]);
      assert.ok(ssh.every((f) => f.cannotJudge && !/can't run/.test(f.message)));
      // A key set from an unknown output is present, which is what the rule checks.
      assert.deepEqual(await pack.analyze(resource("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: UNKNOWN_VALUE, retentionInDays: 30 })), []);
    });

    it("Analyze reports what it cannot judge at preview as a cannot-judge advisory, never as compliant", async () => {
      const findings = (await pack.analyze(resource("aws:rds/instance:Instance", "db", { storageEncrypted: true, publiclyAccessible: UNKNOWN_VALUE }))).filter((f) => f.policyName === "rds-instance-public-access-check");
      assert.deepEqual(summary(findings), ["rds-instance-public-access-check:advisory"]);
      assert.equal(findings[0].cannotJudge, true);
      assert.match(findings[0].message, /^cannot judge at preview: db: publiclyAccessible is unknown/);
    });

    it("Analyze reads secret properties as their values", async () => {
      assert.deepEqual(await pack.analyze(resource("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: secretValue(KEY_ARN) })), []);
      const db = await pack.analyze(resource("aws:rds/instance:Instance", "db", { storageEncrypted: secretValue(false), publiclyAccessible: false }));
      assert.deepEqual(summary(db.filter((f) => f.policyName.startsWith("rds-storage"))), ["rds-storage-encrypted:mandatory"]);
    });

    it("Analyze reports a tag suppression as suppressed at the level the violation had, and ignores one with a short reason", async () => {
      const bastion = sg("bastion", [world(22)], { "kamae:suppress": "restricted-ssh=bastion host, reachable only during incidents;vpc-sg-open-only-to-authorized-ports=bastion host, see restricted-ssh" });
      const findings = await pack.analyze(bastion);
      // Reported to the engine as advisories (a suppression does not fail the preview), read back at the level they had.
      assert.deepEqual(summary(findings), ["restricted-ssh:mandatory:suppressed", "vpc-sg-open-only-to-authorized-ports:mandatory:suppressed"]);
      const ssh = findings.find((f) => f.policyName === "restricted-ssh")!;
      assert.equal(ssh.suppressionReason, "bastion host, reachable only during incidents");
      assert.match(ssh.message, /^suppressed \(mandatory\): bastion host, reachable only during incidents\nbastion \(SecurityGroup\) opens SSH/);

      const lazy = await pack.analyze(sg("lazy", [world(22)], { "kamae:suppress": "restricted-ssh=needed" }));
      const lazySsh = lazy.find((f) => f.policyName === "restricted-ssh")!;
      assert.equal(lazySsh.enforcementLevel, "mandatory");
      assert.equal(lazySsh.suppressed, false);
      assert.match(lazySsh.message, /suppression ignored: its reason must be at least 10 characters/);
    });

    it("AnalyzeStack passes buckets secured through separate v7 resources, and the baseline", async () => {
      assert.deepEqual(await pack.analyzeStack([...baseline, ...fromFixture(secureBucket("data"))]), []);
    });

    it("AnalyzeStack fails a bucket whose versioning and TLS policy are missing, naming the bucket", async () => {
      const resources = fromFixture(secureBucket("data")).filter((r) => r.name !== "data-versioning" && r.name !== "data-policy");
      const findings = await pack.analyzeStack([...baseline, ...resources]);
      assert.deepEqual(summary(findings), ["s3-bucket-ssl-requests-only:mandatory", "s3-bucket-versioning-enabled:advisory"]);
      for (const f of findings) assert.equal(f.urn, urnOf("aws:s3/bucket:Bucket", "data"));
    });

    it("AnalyzeStack matches unknown references through the engine's dependencies", async () => {
      const bucketUrn = urnOf("aws:s3/bucket:Bucket", "data");
      const unknownRefs = fromFixture(secureBucket("data")).map((r) =>
        r.name === "data" ? { ...r, properties: { ...r.properties, bucket: UNKNOWN_VALUE } } : r.name.startsWith("data-") && !r.name.startsWith("data-logs") ? { ...r, properties: { ...r.properties, bucket: UNKNOWN_VALUE }, dependencies: [bucketUrn] } : r,
      );
      assert.deepEqual(await pack.analyzeStack([...baseline, ...unknownRefs]), []);
    });

    it("AnalyzeStack reports Kamae's wiring: an ALB without a web ACL and a missing trail", async () => {
      const lbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef";
      const lb = resource("aws:lb/loadBalancer:LoadBalancer", "web", { loadBalancerType: "application", arn: lbArn, accessLogs: { enabled: true, bucket: "data-logs" } });
      const findings = await pack.analyzeStack([...baseline.slice(1), ...fromFixture(secureBucket("data")), lb]);
      assert.deepEqual(summary(findings), ["alb-waf-enabled:mandatory", "multi-region-cloudtrail-enabled:mandatory"]);
      assert.equal(findings.find((f) => f.policyName === "alb-waf-enabled")!.urn, lb.urn);
      assert.equal(findings.find((f) => f.policyName === "multi-region-cloudtrail-enabled")!.urn, undefined);
      const protectedLb = [lb, resource("aws:wafv2/webAclAssociation:WebAclAssociation", "web-waf", { resourceArn: lbArn, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x/1" })];
      assert.deepEqual(await pack.analyzeStack([...baseline, ...fromFixture(secureBucket("data")), ...protectedLb]), []);
    });
  });

  describe("Kamae's wiring policies, as kamae check's mocks describe the components", () => {
    let pack: PolicyPackProcess;
    before(async () => {
      pack = await startPack(defaultPolicyPackDir());
    });
    after(() => pack?.close());

    const ltUrn = `${STACK}::kamae:index:AutoHealingGroup$aws:ec2/launchTemplate:LaunchTemplate::web-lt`;
    const web: AnalyzedResource[] = [
      { urn: `${STACK}::kamae:index:AutoHealingGroup::web`, type: "kamae:index:AutoHealingGroup", name: "web", properties: {} },
      {
        urn: ltUrn,
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        name: "web-lt",
        parent: `${STACK}::kamae:index:AutoHealingGroup::web`,
        properties: {
          metadataOptions: { httpTokens: "required" },
          iamInstanceProfile: { name: "web-profile" },
          blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }],
          tagSpecifications: [{ resourceType: "instance", tags: { "kamae:isolation-scope": "true", "kamae:agent-rollout": "true" } }],
        },
      },
      {
        urn: `${STACK}::kamae:index:AutoHealingGroup$aws:autoscaling/group:Group::web-group`,
        type: "aws:autoscaling/group:Group",
        name: "web-group",
        parent: `${STACK}::kamae:index:AutoHealingGroup::web`,
        // The launch template's id is not among its properties: the dependency says which template it is.
        properties: { launchTemplate: { id: "lt-0123456789abcdef0", version: "$Latest" }, targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"], tags: [] },
        dependencies: [ltUrn],
      },
      { urn: `${STACK}::kamae:index:AgentRollout::agent`, type: "kamae:index:AgentRollout", name: "agent", properties: {} },
      {
        urn: `${STACK}::kamae:index:AgentRollout$aws:ssm/association:Association::agent-install`,
        type: "aws:ssm/association:Association",
        name: "agent-install",
        parent: `${STACK}::kamae:index:AgentRollout::agent`,
        properties: { name: "AWS-ConfigureAWSPackage", targets: [{ key: "tag:kamae:agent-rollout", values: ["true"] }] },
      },
    ];
    const isolation: AnalyzedResource = { urn: `${STACK}::kamae:index:InstanceIsolation::iso`, type: "kamae:index:InstanceIsolation", name: "iso", properties: {} };
    const kamaeFindings = (findings: PolicyFinding[]) => findings.filter((f) => f.policyName.startsWith("kamae-"));

    it("passes a group in isolation scope and targeted by the rollout", async () => {
      assert.deepEqual(kamaeFindings(await pack.analyzeStack([...baseline, ...web, isolation])), []);
    });

    it("apply only to stacks that use a Kamae component: the same unprotected function and untagged instance pass without one", async () => {
      const workload: AnalyzedResource[] = [
        resource("aws:lambda/function:Function", "api", { runtime: "nodejs22.x", handler: "index.handler", role: "arn:aws:iam::123456789012:role/api", layers: [] }),
        resource("aws:ec2/instance:Instance", "web", { instanceType: "t3.micro", metadataOptions: { httpTokens: "required" }, tags: {} }),
      ];
      const wiring = (findings: PolicyFinding[]) => findings.filter((f) => f.policyName.startsWith("kamae-") || f.policyName === "lambda-functions-have-application-protection").map((f) => `${f.policyName} ${f.urn?.split("::").pop()}`).sort();
      assert.deepEqual(wiring(await pack.analyzeStack([...baseline, ...workload])), []);
      const quarantine = resource("kamae:index:MalwareQuarantine", "scan", {});
      assert.deepEqual(wiring(await pack.analyzeStack([...baseline, ...workload, quarantine])), ["kamae-agent-rollout-coverage web", "lambda-functions-have-application-protection api"]);
    });

    it("fails it without an InstanceIsolation, and without the rollout", async () => {
      const findings = kamaeFindings(await pack.analyzeStack([...baseline, ...web.filter((r) => !r.urn.includes("AgentRollout"))]));
      assert.deepEqual(summary(findings), ["kamae-agent-rollout-coverage:advisory", "kamae-asg-isolation-scope:mandatory"]);
      for (const f of findings) assert.equal(f.urn, web[2].urn);
    });
  });

  describe("with policy pack config", () => {
    let pack: PolicyPackProcess;
    before(async () => {
      pack = await startPack(defaultPolicyPackDir(), {
        config: {
          all: "advisory",
          "restricted-ssh": { enforcementLevel: "disabled" },
          "restricted-common-ports": { enforcementLevel: "mandatory", blockedPorts: [5432] },
          "multi-region-cloudtrail-enabled": { managedExternally: true },
          "s3-bucket-versioning-enabled": { suppressions: [{ resource: "scratch", reason: "build scratch space, recreated each run" }] },
          "rds-instance-public-access-check": { enforcementLevel: "mandatory", cannotJudge: "mandatory" },
          "ec2-imdsv2-check": { cannotJudge: "disabled" },
        },
      });
    });
    after(() => pack?.close());

    it("applies levels and parameters as the engine sends them in Configure", async () => {
      const findings = await pack.analyze(sg("db", [world(22), world(3389), world(5432)]));
      // restricted-ssh disabled; blockedPorts now only 5432 (so 3389 passes that policy); the rest advisory via "all",
      // one finding per world-open rule.
      assert.deepEqual(summary(findings), ["restricted-common-ports:mandatory", ...Array(3).fill("vpc-sg-open-only-to-authorized-ports:advisory")]);
      assert.match(findings.find((f) => f.policyName === "restricted-common-ports")!.message, /blocked port\(s\) 5432/);
    });

    it("reports cannot-judge verdicts at each policy's configured cannotJudge level", async () => {
      const db = (await pack.analyze(resource("aws:rds/instance:Instance", "db", { storageEncrypted: true, publiclyAccessible: UNKNOWN_VALUE }))).filter((f) => f.policyName === "rds-instance-public-access-check");
      assert.deepEqual(summary(db), ["rds-instance-public-access-check:mandatory"]);
      assert.equal(db[0].cannotJudge, true);
      const instance = await pack.analyze(resource("aws:ec2/instance:Instance", "web", { ami: "ami-0123456789abcdef0", iamInstanceProfile: "web", associatePublicIpAddress: false }));
      assert.deepEqual(summary(instance).filter((s) => s.startsWith("ec2-imdsv2-check")), []);
    });

    it("applies stack-policy parameters and config suppressions", async () => {
      const scratch = fromFixture(secureBucket("scratch")).filter((r) => r.name !== "scratch-versioning");
      const findings = await pack.analyzeStack([...baseline.slice(1), ...scratch]);
      assert.deepEqual(summary(findings), ["s3-bucket-versioning-enabled:advisory:suppressed"]);
      assert.equal(findings[0].suppressionReason, "build scratch space, recreated each run");
    });
  });

  it("fails the first resource analyzed, whatever its type, on a config key a policy does not take", async () => {
    // The engine's Configure lets a key no schema names through to the pack; kamae check refuses it before, so the
    // request is sent here as the engine sends it.
    const pack = await PolicyPackProcess.start(defaultPolicyPackDir());
    try {
      const req = new analyzerpb.ConfigureAnalyzerRequest();
      const misspelled = new analyzerpb.PolicyConfig().setEnforcementlevel(analyzerpb.EnforcementLevel.MANDATORY).setProperties(Struct.fromJavaScript({ suppresions: [] }));
      req.getPolicyconfigMap().set("restricted-ssh", misspelled);
      await (pack as unknown as { call(method: string, req: object): Promise<unknown> }).call("configure", req);
      await assert.rejects(pack.analyze(resource("aws:sns/topic:Topic", "alerts", {})), /policy "restricted-ssh" has no config key "suppresions"/);
    } finally {
      await pack.close();
    }
  });

  it("refuses config naming a policy the pack does not have", async () => {
    await assert.rejects(PolicyPackProcess.start(defaultPolicyPackDir(), { config: { "no-such-policy": "mandatory" } }), /"no-such-policy": the pack has no such policy/);
  });
});
