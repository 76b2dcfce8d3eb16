import { strict as assert } from "node:assert";
import { join } from "node:path";
import { runProgramOffline } from "../../cli/program";
import { awsConfigRules } from "../../policies/catalog";
import { baselineConfigRules, SecurityBaseline, standardArn } from "../../components/security-baseline";
import { ACCOUNT_ID, iamDocuments, REGION, resourceNamed, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const APP_RULES = ["ec2-managedinstance-applications-blacklisted", "ec2-managedinstance-applications-required"];

describe("SecurityBaseline", () => {
  beforeEach(() => useOfflineMocks());

  describe("with every part on (defaults)", () => {
    let baseline: SecurityBaseline;
    beforeEach(async () => {
      baseline = new SecurityBaseline("base", {});
      await settle();
    });

    it("deploys the catalog as AWS Config managed rules, with the catalog's parameters", async () => {
      const rules = resourcesOfType("aws:cfg/rule:Rule");
      const expected = awsConfigRules();
      assert.ok(expected.length >= 40, `catalog has ${expected.length} Config rules`);
      assert.deepEqual(rules.map((r) => r.inputs.name).sort(), expected.map((s) => `kamae-${s.name}`).sort());
      for (const r of rules) {
        assert.equal(r.inputs.source.owner, "AWS");
        const spec = expected.find((s) => `kamae-${s.name}` === r.inputs.name)!;
        assert.equal(r.inputs.source.sourceIdentifier, spec.sourceIdentifier);
        assert.equal(r.inputs.inputParameters, spec.inputParameters);
      }
      // With empty application lists the application rules cannot be deployed (AWS Config requires the names).
      assert.ok(!rules.some((r) => APP_RULES.some((a) => r.inputs.name === `kamae-${a}`)));
      assert.deepEqual((await valueOf(baseline.configRuleNames)).sort(), expected.map((s) => `kamae-${s.name}`).sort());
    });

    it("creates a recorder of every resource type with an encrypted delivery channel to the audit bucket", async () => {
      const [recorder] = resourcesOfType("aws:cfg/recorder:Recorder");
      assert.deepEqual(recorder.inputs.recordingGroup, { allSupported: true, includeGlobalResourceTypes: true });
      const [channel] = resourcesOfType("aws:cfg/deliveryChannel:DeliveryChannel");
      const audit = resourceNamed("base-audit");
      assert.equal(channel.inputs.s3BucketName, audit.state.bucket);
      assert.equal(channel.inputs.s3KeyPrefix, "config");
      const key = resourceNamed("base-key");
      assert.equal(channel.inputs.s3KmsKeyArn, key.state.arn);
      const [status] = resourcesOfType("aws:cfg/recorderStatus:RecorderStatus");
      assert.equal(status.inputs.isEnabled, true);
      assert.equal(status.inputs.name, recorder.state.name);
      assert.equal(await valueOf(baseline.configRecorderName), recorder.state.name);
      const attachment = resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")[0];
      assert.equal(attachment.inputs.policyArn, "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");
    });

    it("creates a multi-region trail with KMS, log file validation, CloudWatch Logs and S3 data events", async () => {
      const [trail] = resourcesOfType("aws:cloudtrail/trail:Trail");
      const key = resourceNamed("base-key");
      assert.equal(trail.inputs.isMultiRegionTrail, true);
      assert.equal(trail.inputs.includeGlobalServiceEvents, true);
      assert.equal(trail.inputs.enableLogFileValidation, true);
      assert.equal(trail.inputs.kmsKeyId, key.state.arn);
      assert.equal(trail.inputs.s3BucketName, resourceNamed("base-audit").state.bucket);
      const logs = resourceNamed("base-trail-logs");
      assert.equal(trail.inputs.cloudWatchLogsGroupArn, `${logs.state.arn}:*`);
      assert.equal(logs.inputs.kmsKeyId, key.state.arn);
      assert.equal(logs.inputs.retentionInDays, 365);
      assert.deepEqual(trail.inputs.eventSelectors[0].dataResources, [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }]);
      assert.equal(await valueOf(baseline.trailArn), trail.state.arn);
    });

    it("secures both buckets: versioning, full Block Public Access, no ACLs, TLS only; SSE-KMS audit bucket logs to an SSE-S3 log bucket", async () => {
      const key = resourceNamed("base-key");
      // S3 server access logging delivers only to SSE-S3 targets, so the access-log bucket cannot use the key.
      const expectedSse: Record<string, unknown> = { "base-audit": { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.state.arn }, "base-access-logs": { sseAlgorithm: "AES256" } };
      for (const bucket of ["base-audit", "base-access-logs"]) {
        const name = resourceNamed(bucket).state.bucket;
        assert.equal(resourceNamed(`${bucket}-versioning`).inputs.versioningConfiguration.status, "Enabled");
        const sse = resourceNamed(`${bucket}-encryption`).inputs.rules[0].applyServerSideEncryptionByDefault;
        assert.deepEqual(sse, expectedSse[bucket]);
        const bpa = resourceNamed(`${bucket}-public-access`).inputs;
        assert.deepEqual([bpa.bucket, bpa.blockPublicAcls, bpa.blockPublicPolicy, bpa.ignorePublicAcls, bpa.restrictPublicBuckets], [name, true, true, true, true]);
        assert.equal(resourceNamed(`${bucket}-ownership`).inputs.rule.objectOwnership, "BucketOwnerEnforced");
        const policy = JSON.parse(resourceNamed(`${bucket}-policy`).inputs.policy);
        const deny = policy.Statement.find((s: any) => s.Sid === "DenyInsecureTransport");
        assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.equal(deny.Effect, "Deny");
      }
      const logging = resourceNamed("base-audit-logging").inputs;
      assert.equal(logging.targetBucket, resourceNamed("base-access-logs").state.bucket);
      assert.throws(() => resourceNamed("base-access-logs-logging"), /found 0/);
    });

    it("lets only this trail write to the audit bucket, under its prefix", () => {
      const policy = JSON.parse(resourceNamed("base-audit-policy").inputs.policy);
      const write = policy.Statement.find((s: any) => s.Sid === "CloudTrailWrite");
      const bucketArn = resourceNamed("base-audit").state.arn;
      assert.equal(write.Resource, `${bucketArn}/cloudtrail/AWSLogs/${ACCOUNT_ID}/*`);
      assert.deepEqual(write.Condition, { StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:${REGION}:${ACCOUNT_ID}:trail/kamae-base-trail` } });
    });

    it("grants least privilege: no wildcard actions, resources scoped to ARNs", () => {
      const docs = iamDocuments().filter((d) => d.resource.startsWith("base-config-delivery") || d.resource.startsWith("base-trail-logs-policy"));
      assert.equal(docs.length, 2);
      for (const { document } of docs) {
        for (const s of document.Statement) {
          for (const a of s.Action) assert.ok(!a.includes("*"), `wildcard action ${a}`);
          for (const r of s.Resource) assert.match(r, /^arn:aws:/);
        }
      }
      const trustedBy = iamDocuments()
        .filter((d) => d.resource.endsWith("-role"))
        .map((d) => d.document.Statement[0].Principal.Service)
        .sort();
      assert.deepEqual(trustedBy, ["cloudtrail.amazonaws.com", "config.amazonaws.com"]);
    });

    it("enables GuardDuty, Security Hub, account-level S3 Block Public Access, EBS encryption and software inventory", async () => {
      const [detector] = resourcesOfType("aws:guardduty/detector:Detector");
      assert.equal(detector.inputs.enable, true);
      assert.equal(await valueOf(baseline.guardDutyDetectorId), detector.id);
      assert.equal(resourcesOfType("aws:securityhub/account:Account").length, 1);
      assert.equal(await valueOf(baseline.securityHubEnabled), true);
      const [pab] = resourcesOfType("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
      assert.deepEqual([pab.inputs.blockPublicAcls, pab.inputs.blockPublicPolicy, pab.inputs.ignorePublicAcls, pab.inputs.restrictPublicBuckets], [true, true, true, true]);
      assert.equal(resourcesOfType("aws:ebs/encryptionByDefault:EncryptionByDefault")[0].inputs.enabled, true);
      const [inventory] = resourcesOfType("aws:ssm/association:Association");
      assert.equal(inventory.inputs.name, "AWS-GatherSoftwareInventory");
      assert.deepEqual(inventory.inputs.targets, [{ key: "InstanceIds", values: ["*"] }]);
      assert.equal(inventory.inputs.parameters.applications, "Enabled");
    });
  });

  it("deploys the application rules with the lists as their parameters", async () => {
    new SecurityBaseline("apps", { blockedApplications: ["nmap", "telnet:0.17"], requiredApplications: ["amazon-ssm-agent"] });
    await settle();
    const rules = resourcesOfType("aws:cfg/rule:Rule");
    const blocked = rules.find((r) => r.inputs.source.sourceIdentifier === "EC2_MANAGEDINSTANCE_APPLICATIONS_BLACKLISTED")!;
    assert.deepEqual(JSON.parse(blocked.inputs.inputParameters), { applicationNames: "nmap,telnet:0.17" });
    const required = rules.find((r) => r.inputs.source.sourceIdentifier === "EC2_MANAGEDINSTANCE_APPLICATIONS_REQUIRED")!;
    assert.deepEqual(JSON.parse(required.inputs.inputParameters), { applicationNames: "amazon-ssm-agent" });
  });

  it("uses an existing recorder: rules only, no recorder, channel or role", async () => {
    new SecurityBaseline("existing", { existingConfigRecorder: true, cloudTrail: false, excludeConfigRules: ["restricted-ssh"] });
    await settle();
    assert.equal(resourcesOfType("aws:cfg/recorder:Recorder").length, 0);
    assert.equal(resourcesOfType("aws:cfg/deliveryChannel:DeliveryChannel").length, 0);
    assert.equal(resourcesOfType("aws:iam/role:Role").length, 0);
    assert.equal(resourcesOfType("aws:s3/bucket:Bucket").length, 0, "no trail and no recorder: no audit bucket");
    const names = resourcesOfType("aws:cfg/rule:Rule").map((r) => r.inputs.name);
    assert.equal(names.length, awsConfigRules().length - 1);
    assert.ok(!names.includes("kamae-restricted-ssh"));
  });

  it("turns every part off", async () => {
    const b = new SecurityBaseline("none", {
      configRules: false,
      guardDuty: false,
      securityHub: false,
      cloudTrail: false,
      s3AccountPublicAccessBlock: false,
      ebsEncryptionByDefault: false,
      softwareInventory: false,
    });
    await settle();
    assert.deepEqual(resourcesOfType().map((r) => r.type), ["kamae:index:SecurityBaseline"]);
    assert.equal(await valueOf(b.kmsKeyArn), undefined);
    assert.deepEqual(await valueOf(b.configRuleNames), []);
  });

  it("with configRules off still deploys the application rules it is given, and uses an existing key and log bucket", async () => {
    new SecurityBaseline("apps-only", {
      configRules: false,
      blockedApplications: ["nc"],
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/11111111-2222-4333-8444-555555555555`,
      accessLogBucketName: "central-access-logs",
    });
    await settle();
    assert.deepEqual(resourcesOfType("aws:cfg/rule:Rule").map((r) => r.inputs.name), ["kamae-ec2-managedinstance-applications-blacklisted"]);
    assert.equal(resourcesOfType("aws:kms/key:Key").length, 0);
    assert.equal(resourceNamed("apps-only-audit-logging").inputs.targetBucket, "central-access-logs");
    assert.throws(() => resourceNamed("apps-only-access-logs"), /found 0/);
  });

  it("subscribes to Security Hub standards by id or ARN", async () => {
    new SecurityBaseline("hub", { securityHubStandards: ["aws-foundational-security-best-practices/v/1.0.0", "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"] });
    await settle();
    const arns = resourcesOfType("aws:securityhub/standardsSubscription:StandardsSubscription").map((s) => s.inputs.standardsArn).sort();
    assert.deepEqual(arns, [
      "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0",
      `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    ]);
    assert.equal(standardArn("cis-aws-foundations-benchmark/v/1.2.0", "aws", REGION), "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0");
  });

  it("refuses bad arguments before anything is deployed", () => {
    assert.throws(() => new SecurityBaseline("b1", { blockedApplications: ["nmap,nc"] }), /without commas/);
    assert.throws(() => new SecurityBaseline("b2", { blockedApplications: ["nmap"], requiredApplications: ["nmap"] }), /both blocked and required/);
    assert.throws(() => new SecurityBaseline("b3", { blockedApplications: [" "] }), /non-empty/);
    assert.throws(() => new SecurityBaseline("b4", { trailLogRetentionDays: 42 }), /trailLogRetentionDays/);
    assert.throws(() => new SecurityBaseline("b5", { securityHub: false, securityHubStandards: ["aws-foundational-security-best-practices/v/1.0.0"] }), /need securityHub/);
    assert.throws(() => new SecurityBaseline("b6", { securityHubStandards: ["not a standard"] }), /neither a standard ARN/);
    assert.throws(() => baselineConfigRules({ blockedApplications: Array.from({ length: 200 }, (_, i) => `application-${i}`) }), /exceed AWS Config's 1024/);
  });
});

describe("SecurityBaseline ordering (as the engine sees it)", function () {
  this.timeout(120_000);

  it("creates the rules after the recorder is on, the channel after the recorder, the trail after its bucket policy", async () => {
    const { resources } = await runProgramOffline(join(__dirname, "..", "cli", "fixtures", "baseline"));
    const one = (type: string) => {
      const found = resources.filter((r) => r.type === type);
      assert.equal(found.length, 1, type);
      return found[0];
    };
    const status = one("aws:cfg/recorderStatus:RecorderStatus");
    const rules = resources.filter((r) => r.type === "aws:cfg/rule:Rule");
    assert.ok(rules.length >= 40);
    for (const rule of rules) assert.ok(rule.dependencies.includes(status.urn), `${rule.name} does not wait for the recorder`);
    assert.ok(status.dependencies.includes(one("aws:cfg/deliveryChannel:DeliveryChannel").urn));
    assert.ok(one("aws:cfg/deliveryChannel:DeliveryChannel").dependencies.includes(one("aws:cfg/recorder:Recorder").urn));
    const trail = one("aws:cloudtrail/trail:Trail");
    const auditPolicy = resources.find((r) => r.name === "baseline-audit-policy")!;
    assert.ok(trail.dependencies.includes(auditPolicy.urn), "the trail must wait for the bucket policy that lets CloudTrail write");
    assert.equal(trail.parent, resources.find((r) => r.type === "kamae:index:SecurityBaseline")!.urn);
  });
});
