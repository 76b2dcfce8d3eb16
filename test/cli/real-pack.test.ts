import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../cli/main";

// `kamae check` with Kamae's own pack (policies/, the default): the verdicts a `pulumi preview --policy-pack policies`
// would give on the same programs.
const fixture = (name: string) => join(__dirname, "fixtures", name);

async function check(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["check", dir, ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function checkJson(dir: string, args: string[] = []): Promise<{ code: number; json: any; stderr: string }> {
  const { code, stdout, stderr } = await check(dir, ["--format", "json", ...args]);
  return { code, json: stdout ? JSON.parse(stdout) : undefined, stderr };
}

/** A policy config file in a temporary folder, removed after the test. */
function withPolicyConfig(config: object, use: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kamae-real-pack-"));
  const file = join(dir, "policy-config.json");
  writeFileSync(file, JSON.stringify(config));
  return use(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe("kamae check with Kamae's policy pack", function () {
  // A program and the pack, each its own process: minutes on a loaded 2-core machine.
  this.timeout(600_000);

  it("reports exactly the expected findings on the insecure program and exits 1", async () => {
    const { code, json, stderr } = await checkJson(fixture("insecure"));
    assert.equal(code, 1, stderr);
    const findings = json.findings.map((f: any) => [f.policyId, f.configRuleId, f.resourceUrn?.split("::").pop() ?? "(stack)", f.level, f.suppressed].join(" "));
    // No account-level findings: the program declares no account-level resource (a workload stack). No bucket-level
    // Block Public Access finding: the bucket keeps AWS's default (all four settings on).
    assert.deepEqual(findings.sort(), [
      // Suppressed by its tag, and still mandatory.
      "restricted-ssh INCOMING_SSH_DISABLED ssh-bastion mandatory true",
      "restricted-ssh INCOMING_SSH_DISABLED ssh-world mandatory false",
      "s3-bucket-logging-enabled S3_BUCKET_LOGGING_ENABLED open-bucket advisory false",
      "s3-bucket-ssl-requests-only S3_BUCKET_SSL_REQUESTS_ONLY open-bucket mandatory false",
      "s3-bucket-versioning-enabled S3_BUCKET_VERSIONING_ENABLED open-bucket advisory false",
      "s3-default-encryption-kms S3_DEFAULT_ENCRYPTION_KMS open-bucket mandatory false",
      "sns-encrypted-kms SNS_ENCRYPTED_KMS holder-topic advisory false",
      "vpc-sg-open-only-to-authorized-ports VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS ssh-bastion mandatory true",
      "vpc-sg-open-only-to-authorized-ports VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS ssh-world mandatory false",
    ]);
  });

  it("suppressed mandatory findings stay mandatory with their reason in every format, and do not fail the check", async () => {
    const reason = "lab account torn down every night";
    const suppressions = (resource: string) => ({ suppressions: [{ resource, reason }] });
    await withPolicyConfig(
      {
        "restricted-ssh": suppressions("ssh-world"),
        "vpc-sg-open-only-to-authorized-ports": suppressions("ssh-world"),
        "s3-bucket-ssl-requests-only": suppressions("open-bucket"),
        "s3-default-encryption-kms": suppressions("open-bucket"),
      },
      async (config) => {
        const { code, json, stderr } = await checkJson(fixture("insecure"), ["--policy-config", config]);
        assert.equal(code, 0, stderr);
        const suppressed = json.findings.filter((f: any) => f.suppressed && f.suppressionReason === reason).map((f: any) => `${f.policyId} ${f.level}`);
        assert.deepEqual(suppressed.sort(), ["restricted-ssh mandatory", "s3-bucket-ssl-requests-only mandatory", "s3-default-encryption-kms mandatory", "vpc-sg-open-only-to-authorized-ports mandatory"]);
        // The two on ssh-bastion are suppressed by its tag.
        assert.equal(json.summary.suppressedMandatory, 6);
        assert.equal(json.summary.mandatory, 0);
        assert.equal(json.summary.verdict, "pass");
        assert.match(json.summaryLine, /^PASS: 0 mandatory, 3 advisory; 6 suppressed \(6 mandatory\);/);
        const csv = (await check(fixture("insecure"), ["--format", "csv", "--policy-config", config])).stdout.split("\r\n");
        const row = csv.find((r) => r.startsWith("s3-default-encryption-kms,"));
        assert.match(row!, new RegExp(`^s3-default-encryption-kms,urn:[^,]+::open-bucket,Suppressed,${reason},Error,`));
        // Compliant rows: the topic has a KMS-less finding, but the security groups pass the rules on other ports.
        assert.ok(csv.some((r) => /^restricted-common-ports,urn:[^,]+::ssh-world,Compliant,N\/A,Error,/.test(r)), csv.join("\n"));
        const sarif = JSON.parse((await check(fixture("insecure"), ["--format", "sarif", "--policy-config", config])).stdout);
        const result = sarif.runs[0].results.find((r: any) => r.ruleId === "s3-default-encryption-kms");
        assert.equal(result.level, "error");
        assert.deepEqual(result.suppressions, [{ kind: "external", status: "accepted", justification: reason }]);
        const table = (await check(fixture("insecure"), ["--policy-config", config])).stdout;
        assert.match(table, /open-bucket \(aws:s3\/bucket:Bucket\)\s+s3-default-encryption-kms.*\s+mandatory, suppressed\s+lab account torn down every night/);
      },
    );
  });

  it("account-level settings: not judged in a workload stack unless configured, and the report says how to declare them managed elsewhere", async () => {
    const plain = await check(fixture("insecure"), ["--format", "csv"]);
    assert.ok(!/^(multi-region-cloudtrail-enabled|iam-password-policy),/m.test(plain.stdout), "no account-level rows, not even Compliant ones: the policies did not apply");
    assert.ok(!/Account-level settings/.test((await check(fixture("insecure"), [])).stdout));
    await withPolicyConfig({ "multi-region-cloudtrail-enabled": { requiredInEveryStack: true }, "iam-password-policy": { required: true } }, async (config) => {
      const { json } = await checkJson(fixture("insecure"), ["--policy-config", config]);
      const account = json.findings.filter((f: any) => ["multi-region-cloudtrail-enabled", "iam-password-policy"].includes(f.policyId)).map((f: any) => `${f.policyId} ${f.level}`);
      assert.deepEqual(account.sort(), ["iam-password-policy advisory", "multi-region-cloudtrail-enabled mandatory"]);
      const example = '{"iam-password-policy":{"managedExternally":true},"multi-region-cloudtrail-enabled":{"managedExternally":true}}';
      assert.ok(json.hints[0].endsWith(example), json.hints[0]);
      assert.ok((await check(fixture("insecure"), ["--policy-config", config])).stdout.includes(`declare it in the policy config (--policy-config FILE, or pulumi preview --policy-pack-config FILE): ${example}`));
    });
    await withPolicyConfig({ "multi-region-cloudtrail-enabled": { requiredInEveryStack: true, managedExternally: true } }, async (config) => {
      const { json } = await checkJson(fixture("insecure"), ["--policy-config", config]);
      assert.deepEqual(json.findings.filter((f: any) => f.policyId === "multi-region-cloudtrail-enabled"), []);
      assert.ok(json.passingPolicies.includes("multi-region-cloudtrail-enabled"));
    });
  });

  it("finds no mandatory violation in what SecurityBaseline creates (every part on) and exits 0", async () => {
    const { code, json, stderr } = await checkJson(fixture("baseline"));
    assert.equal(code, 0, stderr);
    // No mandatory finding and no violation of the AWS Config rules SecurityBaseline enforces; the FSBP advisories of
    // S3 (replication, Object Lock, notifications, lifecycle) and cannot-judge verdicts on policies built from ARNs
    // unknown at preview remain advisory.
    assert.deepEqual(json.findings.filter((f: any) => f.level === "mandatory"), []);
    const types = new Set(json.resources.map((r: any) => r.type));
    for (const t of ["aws:cloudtrail/trail:Trail", "aws:cfg/recorder:Recorder", "aws:guardduty/detector:Detector", "aws:securityhub/account:Account", "aws:s3/bucket:Bucket"]) {
      assert.ok(types.has(t), `${t} missing from the checked program`);
    }
  });
});
