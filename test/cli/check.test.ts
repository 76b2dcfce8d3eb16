import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkProgram, CheckReport } from "../../cli/check";
import { main } from "../../cli/main";
import { runProgramOffline } from "../../cli/program";
import { render } from "../../cli/report";
import { sarifValidator } from "../harness/sarif";

const fixtures = join(__dirname, "fixtures");
const pack = join(fixtures, "stand-in-pack");
const fixture = (name: string) => join(fixtures, name);

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const urn = (project: string, qualifiedType: string, name: string) => `urn:pulumi:offline::${project}::${qualifiedType}::${name}`;
const INSECURE = "insecure-fixture";

describe("kamae check", function () {
  this.timeout(120_000);

  describe("on a deliberately insecure program", () => {
    let json: any;
    let code: number;
    let report: CheckReport;

    before(async () => {
      const run = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--format", "json"]);
      code = run.code;
      json = JSON.parse(run.stdout);
      report = await checkProgram(fixture("insecure"), { policyPackDir: pack });
    });

    it("exits 1 because mandatory policies are violated", () => {
      assert.equal(code, 1);
    });

    it("reports exactly the expected findings, with Config rule ids from the catalog", () => {
      const findings = json.findings.map((f: any) => [f.policyId, f.configRuleId, f.resourceUrn, f.level, f.suppressed]);
      assert.deepEqual(
        findings.sort(),
        [
          ["restricted-ssh", "INCOMING_SSH_DISABLED", urn(INSECURE, "aws:ec2/securityGroup:SecurityGroup", "ssh-world"), "mandatory", false],
          // Suppressed, and still mandatory: the level the violation had.
          ["restricted-ssh", "INCOMING_SSH_DISABLED", urn(INSECURE, "aws:ec2/securityGroup:SecurityGroup", "ssh-bastion"), "mandatory", true],
          ["sns-encrypted-kms", "SNS_ENCRYPTED_KMS", urn(INSECURE, "fixture:index:Holder$aws:sns/topic:Topic", "holder-topic"), "advisory", false],
          ["s3-bucket-versioning-enabled", "S3_BUCKET_VERSIONING_ENABLED", urn(INSECURE, "aws:s3/bucket:Bucket", "open-bucket"), "mandatory", false],
        ].sort(),
      );
      const ssh = json.findings.find((f: any) => f.resourceUrn.endsWith("::ssh-world"));
      assert.equal(ssh.message, "Port 22 is open to 0.0.0.0/0.");
      const bastion = json.findings.find((f: any) => f.suppressed);
      assert.equal(bastion.suppressionReason, "bastion host reached by the on-call team only");
      assert.deepEqual(json.summary, { verdict: "fail", resources: 6, violations: 3, mandatory: 2, advisory: 1, suppressed: 1, suppressedMandatory: 1, cannotJudge: 0, unchecked: 0, passingPolicies: 0 });
    });

    it("lists every resource with its URN, type, name and parent (the mock API does not give parents)", () => {
      const byName = new Map(json.resources.map((r: any) => [r.name, r]));
      assert.deepEqual([...byName.keys()].sort(), ["holder", "holder-topic", "insecure-fixture-offline", "open-bucket", "ssh-bastion", "ssh-world"]);
      const holder: any = byName.get("holder");
      const topic: any = byName.get("holder-topic");
      assert.equal(topic.parent, holder.urn);
      assert.equal(topic.type, "aws:sns/topic:Topic");
      assert.equal(holder.parent, urn(INSECURE, "pulumi:pulumi:Stack", "insecure-fixture-offline"));
      assert.deepEqual(json.notExpanded, []);
    });

    it("prints a readable table: the summary line first, then resource, policy, level, message", () => {
      const table = render(report, "table", "0.1.0");
      const lines = table.split("\n");
      assert.equal(lines[0], "FAIL: 2 mandatory, 1 advisory; 1 suppressed (1 mandatory); 0 cannot be judged at preview; 0 resources unchecked; 6 resources, 0 policies passing.");
      const header = lines.find((l) => l.startsWith("RESOURCE"));
      assert.match(header!, /^RESOURCE\s+POLICY\s+LEVEL\s+MESSAGE$/);
      assert.ok(lines.some((l) => /^ssh-world \(aws:ec2\/securityGroup:SecurityGroup\)\s+restricted-ssh\s+mandatory\s+Port 22 is open to 0\.0\.0\.0\/0\.$/.test(l)), table);
      assert.ok(lines.some((l) => /^ssh-bastion .*restricted-ssh\s+mandatory, suppressed\s+bastion host reached/.test(l)), table);
    });

    it("writes CSV with cdk-nag's columns", () => {
      const rows = render(report, "csv", "0.1.0").trimEnd().split("\r\n");
      assert.equal(rows[0], "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info");
      assert.equal(rows.length, 5);
      const ssh = rows.find((r) => r.includes("::ssh-world,"));
      assert.equal(
        ssh,
        `restricted-ssh,${urn(INSECURE, "aws:ec2/securityGroup:SecurityGroup", "ssh-world")},Non-Compliant,N/A,Error,Security groups do not allow SSH from anywhere. AWS Config: INCOMING_SSH_DISABLED`,
      );
      const bastion = rows.find((r) => r.includes("::ssh-bastion,"));
      assert.match(bastion!, /,Suppressed,bastion host reached by the on-call team only,Error,/);
    });

    it("writes SARIF 2.1.0 that validates against the SARIF schema, with levels and URN locations", () => {
      const sarif = JSON.parse(render(report, "sarif", "0.1.0"));
      const validate = sarifValidator();
      assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
      const run = sarif.runs[0];
      assert.deepEqual(run.tool.driver.rules.map((r: any) => [r.id, r.properties.awsConfigRule]).sort(), [
        ["restricted-ssh", "INCOMING_SSH_DISABLED"],
        ["s3-bucket-versioning-enabled", "S3_BUCKET_VERSIONING_ENABLED"],
        ["sns-encrypted-kms", "SNS_ENCRYPTED_KMS"],
      ]);
      const result = run.results.find((r: any) => r.locations[0].logicalLocations[0].name === "open-bucket");
      assert.equal(result.ruleId, "s3-bucket-versioning-enabled");
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, "s3-bucket-versioning-enabled");
      assert.equal(result.level, "error");
      assert.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, urn(INSECURE, "aws:s3/bucket:Bucket", "open-bucket"));
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, "test/cli/fixtures/insecure/index.ts");
      const suppressed = run.results.filter((r: any) => r.suppressions);
      assert.equal(suppressed.length, 1);
      assert.equal(suppressed[0].suppressions[0].justification, "bastion host reached by the on-call team only");
      assert.equal(suppressed[0].level, "error", "a suppressed mandatory finding stays an error, with its suppression");
      assert.equal(run.results.filter((r: any) => r.level === "warning").length, 1);
    });

    it("a SARIF document missing what the schema requires is rejected (the validation can fail)", () => {
      const sarif = JSON.parse(render(report, "sarif", "0.1.0"));
      delete sarif.runs[0].results[0].message;
      assert.equal(sarifValidator()(sarif), false);
    });

    it("writes the chosen format to --output and the table to stdout", async () => {
      const dir = mkdtempSync(join(tmpdir(), "kamae-check-test-"));
      try {
        const out = join(dir, "report.sarif");
        const run = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--format", "sarif", "--output", out]);
        assert.equal(run.code, 1);
        assert.equal(JSON.parse(readFileSync(out, "utf8")).version, "2.1.0");
        assert.match(run.stdout, /^RESOURCE\s+POLICY/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it("exits 0 with no findings on a secure program, with its stack config (Pulumi.yaml main: src/)", async () => {
    const run = await runCli(["check", fixture("secure"), "--policy-pack", pack, "--config", join(fixture("secure"), "Pulumi.dev.yaml"), "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.findings, []);
    assert.equal(json.stack, "dev");
    const bucket = json.resources.find((r: any) => r.type === "aws:s3/bucket:Bucket");
    assert.equal(bucket.urn, "urn:pulumi:dev::secure-fixture::aws:s3/bucket:Bucket::data");
  });

  it("passes the stack config as the engine does (project namespace for bare keys)", async () => {
    const program = await runProgramOffline(fixture("secure"), { configFile: join(fixture("secure"), "Pulumi.dev.yaml") });
    const bucket = program.resources.find((r) => r.type === "aws:s3/bucket:Bucket")!;
    assert.equal(bucket.properties.bucket, "kamae-fixture-data");
    const versioning = program.resources.find((r) => r.type === "aws:s3/bucketVersioning:BucketVersioning")!;
    assert.equal(versioning.properties.bucket, "kamae-fixture-data");
    assert.deepEqual(versioning.dependencies, [bucket.urn]);
  });

  it("exits 2 with the program's error when required config is missing", async () => {
    // A stack config without the program's required key.
    const empty = join(mkdtempSync(join(tmpdir(), "kamae-config-")), "Pulumi.empty.yaml");
    writeFileSync(empty, "config: {}\n");
    const run = await runCli(["check", fixture("secure"), "--policy-pack", pack, "--config", empty]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the program failed: .*Missing required configuration variable 'secure-fixture:bucketName'/s);
  });

  it("exits 2 with the program's error message when the program throws", async () => {
    const run = await runCli(["check", fixture("throws"), "--policy-pack", pack]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the program failed: Error: fixture failure: the subnet list is empty/);
    assert.equal(run.stdout, "");
  });

  it("exits 2 when a resource cannot be registered because an apply threw (as the language host fails it)", async () => {
    const run = await runCli(["check", fixture("apply-throws"), "--policy-pack", pack]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the program failed: Error: error serializing property "name": no topic name for region us-east-1/);
  });

  it("exits 2 when the program ends its own process before finishing", async () => {
    const run = await runCli(["check", fixture("exits"), "--policy-pack", pack]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /called process\.exit\(0\) before it finished/);
  });

  it("answers an awsx Vpc with realistic outputs and lists it as not expanded", async () => {
    const run = await runCli(["check", fixture("awsx-vpc"), "--policy-pack", pack, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.notExpanded, [{ urn: "urn:pulumi:offline::awsx-vpc-fixture::awsx:ec2:Vpc::network", type: "awsx:ec2:Vpc", name: "network" }]);
    const program = await runProgramOffline(fixture("awsx-vpc"));
    const sg = program.resources.find((r) => r.name === "web")!;
    assert.match(String(sg.properties.vpcId), /^vpc-[0-9a-f]{17}$/);
    const table = (await runCli(["check", fixture("awsx-vpc"), "--policy-pack", pack])).stdout;
    assert.match(table, /Unchecked: 1 resource the run could not expand \(1 awsx:ec2:Vpc\); what it creates .*\n {2}network \(awsx:ec2:Vpc\)/);
  });

  describe("on components the run cannot expand", () => {
    let json: any;
    let code: number;
    let report: CheckReport;

    before(async () => {
      const run = await runCli(["check", fixture("opaque"), "--policy-pack", pack, "--format", "json"]);
      code = run.code;
      json = JSON.parse(run.stdout);
      report = await checkProgram(fixture("opaque"), { policyPackDir: pack });
    });

    it("lists every remote component by type and count (any package's, not only awsx), and passes by default", () => {
      assert.equal(code, 0);
      assert.deepEqual(json.unchecked, [
        { type: "acme:index:Cluster", count: 2 },
        { type: "awsx:ec2:Vpc", count: 1 },
      ]);
      assert.deepEqual(json.notExpanded.map((r: any) => r.name).sort(), ["blue", "green", "network"]);
      assert.equal(json.summary.unchecked, 3);
      assert.equal(json.summary.verdict, "pass");
    });

    it("the table says how many resources went unchecked, first and below the findings", () => {
      const table = render(report, "table", "0.1.0");
      assert.match(table.split("\n")[0], /^PASS: .*; 3 resources unchecked;/);
      assert.match(table, /Unchecked: 3 resources the run could not expand \(2 acme:index:Cluster, 1 awsx:ec2:Vpc\)/);
      assert.match(table, /\n {2}blue \(acme:index:Cluster\)\n {2}green \(acme:index:Cluster\)\n {2}network \(awsx:ec2:Vpc\)/);
    });

    it("CSV has a Compliant row per resource a policy judged and an Unchecked row per unexpanded resource", () => {
      const rows = render(report, "csv", "0.1.0").trimEnd().split("\r\n").slice(1);
      assert.deepEqual(
        rows.map((r) => r.split(",").slice(0, 3).join(",")).sort(),
        [
          `(unchecked),${urn("opaque-fixture", "acme:index:Cluster", "blue")},Unchecked`,
          `(unchecked),${urn("opaque-fixture", "acme:index:Cluster", "green")},Unchecked`,
          `(unchecked),${urn("opaque-fixture", "awsx:ec2:Vpc", "network")},Unchecked`,
          `sns-encrypted-kms,${urn("opaque-fixture", "aws:sns/topic:Topic", "alerts")},Compliant`,
        ].sort(),
      );
      assert.match(rows.find((r) => r.includes("::blue,"))!, /acme:index:Cluster \(2 of this type\) could not be expanded/);
    });

    it("SARIF names them in tool notifications (schema-valid), with type and count", () => {
      const sarif = JSON.parse(render(report, "sarif", "0.1.0"));
      const validate = sarifValidator();
      assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: any) => [n.level, n.message.text]);
      assert.deepEqual(notes, [
        ["warning", "2 acme:index:Cluster could not be expanded: what they create was not checked."],
        ["warning", "1 awsx:ec2:Vpc could not be expanded: what it creates was not checked."],
      ]);
      assert.deepEqual(sarif.runs[0].properties.unchecked, json.unchecked);
    });

    it("lists the policies that judged something and passed (not those with nothing to judge)", () => {
      assert.deepEqual(json.passingPolicies, ["sns-encrypted-kms"]);
      assert.match(render(report, "table", "0.1.0"), /\nPassing policies \(1\): sns-encrypted-kms\n/);
    });

    it("--fail-on-unchecked, or failOnUnchecked in the policy config's kamae-check entry, fails the check", async () => {
      const flag = await runCli(["check", fixture("opaque"), "--policy-pack", pack, "--fail-on-unchecked"]);
      assert.equal(flag.code, 1, flag.stderr);
      assert.match(flag.stdout.split("\n")[0], /^FAIL \(fail on mandatory and unchecked\): 0 mandatory, .*3 resources unchecked/);
      const dir = mkdtempSync(join(tmpdir(), "kamae-policy-config-"));
      try {
        const config = join(dir, "policy-config.json");
        writeFileSync(config, JSON.stringify({ "kamae-check": { failOnUnchecked: true } }));
        assert.equal((await runCli(["check", fixture("opaque"), "--policy-pack", pack, "--policy-config", config])).code, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("--fail-on and the policy config", () => {
    let dir: string;
    const config = (name: string, content: string) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    before(() => (dir = mkdtempSync(join(tmpdir(), "kamae-policy-config-"))));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("--fail-on none passes whatever is found; advisory fails on an advisory when no mandatory is left", async () => {
      assert.equal((await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--fail-on", "none"])).code, 0);
      const advisoryOnly = config("advisory.json", JSON.stringify({ all: "advisory" }));
      const mandatory = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", advisoryOnly, "--format", "json"]);
      assert.equal(mandatory.code, 0, mandatory.stderr);
      assert.equal(JSON.parse(mandatory.stdout).findings.find((f: any) => f.suppressed).level, "advisory", "suppressed at the level the config gives");
      assert.equal((await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", advisoryOnly, "--fail-on", "advisory"])).code, 1);
      const fromFile = config("fail-on.json", JSON.stringify({ all: "advisory", "kamae-check": { failOn: "advisory" } }));
      assert.equal((await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", fromFile])).code, 1);
      assert.equal((await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", fromFile, "--fail-on", "mandatory"])).code, 0, "the flag wins over the file");
      const bad = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--fail-on", "warning"]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--fail-on must be one of mandatory, advisory, none, got "warning"/);
    });

    it("a missing or broken config file is an error naming the file and what to do (exit 2)", async () => {
      const missing = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", join(dir, "nope.json")]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /policy config .*nope\.json does not exist: create it .* or leave out --policy-config/);
      const broken = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", config("broken.json", '{"all": "advisory",')]);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /policy config .*broken\.json is not valid JSON \(.+\): fix it/);
      const array = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", config("array.json", "[]")]);
      assert.match(array.stderr, /array\.json must hold a JSON object keyed by policy name, not an array/);
    });

    it("unknown keys, unknown policies and bad levels are errors naming the file, the policy and the key", async () => {
      const file = config("typos.json", JSON.stringify({ "restricted-ssh": { allowedCidrs: ["10.0.0.0/8"] }, "restricted-shh": "advisory", "sns-encrypted-kms": "warn", "kamae-check": { failOnUncheked: true } }));
      const run = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", file]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, /typos\.json: fix or remove these entries:\n {2}- kamae-check: key "failOnUncheked" is not one of its settings \(failOn, failOnUnchecked\)/);
      const packErrors = await runCli(["check", fixture("insecure"), "--policy-pack", pack, "--policy-config", config("typos2.json", JSON.stringify({ "restricted-ssh": { allowedCidrs: ["10.0.0.0/8"] }, "restricted-shh": "advisory", "sns-encrypted-kms": "warn" }))]);
      assert.equal(packErrors.code, 2);
      assert.match(packErrors.stderr, /typos2\.json is not a valid config for this policy pack/);
      assert.match(packErrors.stderr, /- "restricted-shh": the pack has no such policy/);
      assert.match(packErrors.stderr, /- policy "sns-encrypted-kms": must be an enforcement level \(advisory, mandatory, remediate, disabled\) or an object of settings, got "warn"/);
      assert.match(packErrors.stderr, /- policy "restricted-ssh": key "allowedCidrs" is not one of its settings/);
    });
  });

  it("refuses bad arguments with exit 2", async () => {
    assert.equal((await runCli(["check"])).code, 2);
    assert.equal((await runCli(["check", fixture("secure"), "--format", "xml"])).code, 2);
    assert.equal((await runCli(["verify", fixture("secure")])).code, 2);
    const missing = await runCli(["check", join(fixtures, "no-such-program"), "--policy-pack", pack]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /has no Pulumi\.yaml/);
    const noPack = await runCli(["check", fixture("insecure"), "--policy-pack", join(fixtures, "no-such-pack")]);
    assert.equal(noPack.code, 2);
    assert.match(noPack.stderr, /the check failed: policy pack .*no-such-pack: no index\.js or index\.ts/);
  });
});

describe("runProgramOffline", function () {
  this.timeout(60_000);

  it("stops a program that never finishes, with a ProgramError", async () => {
    await assert.rejects(runProgramOffline(fixture("hangs"), { timeoutMs: 8_000 }), (e: Error) => e.name === "ProgramError" && /did not finish within 8 s/.test(e.message));
  });
});
