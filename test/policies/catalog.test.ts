import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as aws from "@pulumi/aws";
import { LAMBDA_RUNTIMES } from "../../policies/rules/lambda/entries";
import { awsConfigRules, catalog, controlsOf, defaultEnforcementLevel, previewEntries } from "../../policies/catalog";
import { FSBP_CONTROLS } from "../../policies/fsbp-controls";
import { renderFsbpControls } from "../../scripts/fsbp-controls";
import { ruleEntries } from "../../policies/rules/entries";
import { renderCatalogTable, TABLE_END, TABLE_START, withCatalogTable } from "../../policies/catalog-table";
import { policies } from "../../policies/policies";
import { rules } from "../../policies/rules";

const root = join(__dirname, "..", "..");

describe("policy catalog", () => {
  it("has unique kebab-case ids and at least 40 policies judged at preview time", () => {
    const ids = catalog.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(previewEntries.length >= 40, `only ${previewEntries.length}`);
    assert.equal(policies.length, previewEntries.length);
  });

  it("pairs every previewable entry with exactly one rule file, and every rule with an entry", () => {
    assert.deepEqual(rules.map((r) => r.id).sort(), previewEntries.map((e) => e.id).sort());
    for (const e of previewEntries) assert.equal(rules.find((r) => r.id === e.id)!.kind, e.preview, e.id);
  });

  it("names AWS Config rules by their managed identifiers and cdk-nag rules by pack prefix", () => {
    for (const e of catalog) {
      if (e.awsConfigIdentifier) assert.match(e.awsConfigIdentifier, /^[A-Z0-9_]+$/, e.id);
      // Without one: Kamae's own rules, and FSBP controls that Security Hub judges with a rule of its own.
      else assert.ok(e.id.startsWith("kamae-") || (e.fsbp?.length ?? 0) > 0 || ["lambda-functions-have-application-protection"].includes(e.id), `${e.id} has no AWS Config identifier`);
      if (e.cdkNag) assert.match(e.cdkNag, /^(AwsSolutions|NIST\.800\.53\.R5|HIPAA\.Security|PCI\.DSS\.321)-[A-Za-z0-9]+$/, e.id);
      assert.ok(e.description.endsWith(".") && e.remediation.length > 10, e.id);
    }
  });

  it("names real FSBP controls and takes the control's severity", () => {
    const order = ["low", "medium", "high", "critical"];
    for (const e of catalog) {
      for (const id of e.fsbp ?? []) assert.ok(FSBP_CONTROLS[id], `${e.id}: ${id} is not an FSBP control`);
      if (e.fsbp?.length && e.id !== "sqs-queue-encrypted-kms") {
        const severity = order[Math.max(...e.fsbp.map((id) => order.indexOf(FSBP_CONTROLS[id].severity)))];
        if (ruleEntries.includes(e)) assert.equal(e.severity, severity, e.id);
      }
    }
  });

  // Pinned against the controls' "Related requirements" on docs.aws.amazon.com/securityhub/latest/userguide
  // (kms-, s3-, ec2-, iam-, rds-controls), where Prowler's shared-check join gave other or many more requirements.
  it("maps controls to CIS v3.0.0, NIST 800-53 r5 and PCI DSS v4.0.1 as AWS publishes them", () => {
    const of = (id: string) => controlsOf(catalog.find((e) => e.id === id)!);
    const kms = of("cmk-backing-key-rotation-enabled");
    assert.deepEqual([kms.fsbp, kms.cis, kms.nist, kms.pci], [["KMS.4"], ["3.6"], ["SC-12", "SC-12(2)", "SC-28(3)"], ["3.7.4"]]);
    const ssl = of("s3-bucket-ssl-requests-only");
    assert.deepEqual([ssl.cis, ssl.pci], [["2.1.1"], ["4.2.1"]]);
    assert.deepEqual([of("vpc-default-security-group-closed").cis, of("vpc-default-security-group-closed").pci], [["5.4"], []]);
    assert.deepEqual(of("iam-root-access-key-check").cis, ["1.4"]);
    assert.deepEqual(of("rds-instance-public-access-check").pci, ["1.4.4"]);
    // ACM.2: AWS relates one PCI requirement; the shared-check join gave unrelated ones.
    assert.deepEqual(FSBP_CONTROLS["ACM.2"].pci, { source: "aws", ids: ["4.2.1"] });
    for (const e of catalog) for (const f of ["cis", "nist", "pci"] as const) assert.deepEqual(controlsOf(e).derived[f].filter((id) => controlsOf(e)[f].includes(id)), [], e.id);
  });

  it("marks mappings derived only where AWS's could not be obtained, and keeps them apart", () => {
    // CloudTrail.1: only the 2023 archive of the page was obtainable; it gives NIST, not CIS v3 or PCI DSS v4.
    const trail = FSBP_CONTROLS["CloudTrail.1"];
    assert.deepEqual([trail.cis.source, trail.nist.source, trail.pci.source], ["derived", "aws", "derived"]);
    const multiRegion = controlsOf(catalog.find((e) => e.id === "multi-region-cloudtrail-enabled")!);
    assert.deepEqual([multiRegion.cis, multiRegion.derived.cis], [[], ["3.1"]]);
    assert.ok(multiRegion.nist.includes("AU-12") && multiRegion.derived.nist.length === 0);
    const tags = policies.find((p) => p.name === "multi-region-cloudtrail-enabled")!.tags ?? [];
    assert.ok(tags.includes("cis-v3-derived:3.1") && !tags.includes("cis-v3:3.1") && tags.includes("nist-800-53-r5:AU-12"));
    const aws = JSON.parse(readFileSync(join(root, "policies", "data", "fsbp-aws.json"), "utf8")).controls;
    for (const [id, c] of Object.entries(FSBP_CONTROLS)) {
      for (const f of ["cis", "nist", "pci"] as const) assert.equal(c[f].source, aws[id]?.[f] ? "aws" : "derived", `${id} ${f}`);
    }
  });

  it("policies/fsbp-controls.ts is generated from policies/data (regenerate with `npm run policies:fsbp`)", () => {
    assert.equal(renderFsbpControls(), readFileSync(join(root, "policies", "fsbp-controls.ts"), "utf8"));
  });

  it("names each rule after the AWS Config rule AWS documents for its control, and deploys no Security Hub-only rule", () => {
    // Security Hub judges these controls with a variant of its own; the managed rule judging the same setting exists.
    const managedEquivalent: Record<string, string> = { "kms-cmk-not-scheduled-for-deletion": "KMS.3", "redshift-audit-logging-enabled": "Redshift.4" };
    for (const e of catalog) {
      const documented = (e.fsbp ?? []).map((id) => FSBP_CONTROLS[id]).filter((c) => c.awsConfigRule !== undefined || c.securityHubRule !== undefined);
      if (documented.length === 0) continue;
      const managed = documented.flatMap((c) => c.awsConfigRule ?? []);
      if (managed.length > 0) {
        assert.ok(managed.includes(e.id), `${e.id}: AWS documents ${managed.join(", ")} for ${e.fsbp!.join(", ")}`);
        assert.ok(e.awsConfigIdentifier, `${e.id} has no AWS Config identifier`);
      } else if (!managedEquivalent[e.id]) {
        assert.equal(e.awsConfigIdentifier, undefined, `${e.id}: ${e.fsbp!.join(", ")} has no AWS Config managed rule`);
      }
    }
    const deployed = new Set(awsConfigRules().map((s) => s.sourceIdentifier));
    for (const gone of ["RDS_NO_DEFAULT_PORTS", "ELB_CONNECTION_DRAINING_ENABLED", "ELASTICSEARCH_HTTPS_REQUIRED"]) assert.ok(!deployed.has(gone), gone);
    assert.ok(deployed.has("EC2_INSTANCE_MANAGED_BY_SSM") && deployed.has("RDS_AURORA_MYSQL_AUDIT_LOGGING_ENABLED"));
    const cognito = awsConfigRules().find((s) => s.name === "cognito-user-pool-advanced-security-enabled")!;
    assert.deepEqual([cognito.sourceIdentifier, JSON.parse(cognito.inputParameters!)], ["COGNITO_USER_POOL_ADVANCED_SECURITY_ENABLED", { SecurityMode: "ENFORCED" }]);
  });

  it("deploys every managed rule with the input parameters AWS Config requires of it, where the catalog knows them", () => {
    const required = catalog.filter((e) => e.awsConfigRequiredParameters !== undefined);
    assert.ok(required.some((e) => e.awsConfigIdentifier === "LAMBDA_FUNCTION_SETTINGS_CHECK"));
    const given = {
      "ec2-managedinstance-applications-blacklisted": { applicationNames: ["telnet"] },
      "ec2-managedinstance-applications-required": { applicationNames: ["amazon-ssm-agent"] },
      "lambda-function-settings-check": { timeout: 30, memorySize: 512 },
    };
    const specs = awsConfigRules({ parameters: given });
    for (const entry of required) {
      const deployed = specs.filter((s) => s.sourceIdentifier === entry.awsConfigIdentifier);
      assert.ok(deployed.length > 0, entry.id);
      for (const spec of deployed) {
        const inputs = JSON.parse(spec.inputParameters ?? "{}");
        for (const key of entry.awsConfigRequiredParameters!) assert.ok(typeof inputs[key] === "string" && inputs[key] !== "", `${spec.name} lacks ${key}`);
      }
    }
    // The runtimes allowed are those Lambda has, less the deprecated ones the policy refuses: the two judge alike.
    const lambda = catalog.find((e) => e.id === "lambda-function-settings-check")!;
    const deployedLambda = (values: Record<string, unknown>) => awsConfigRules({ parameters: { "lambda-function-settings-check": values } }).filter((s) => s.sourceIdentifier === "LAMBDA_FUNCTION_SETTINGS_CHECK");
    const sized = { timeout: 30, memorySize: 512 };
    const allowed = (values: Record<string, unknown> = {}) => JSON.parse(deployedLambda({ ...sized, ...values })[0].inputParameters!).runtime.split(",");
    // Its optional timeout and memorySize default to 3 s and 128 MB, required of every function: the rule is deployed
    // only with both given, and then with the values the policy judges.
    assert.deepEqual(deployedLambda({}), []);
    assert.deepEqual(deployedLambda({ timeout: 30 }), []);
    assert.deepEqual(deployedLambda({ memorySize: 512 }), []);
    const inputs = JSON.parse(deployedLambda(sized)[0].inputParameters!);
    assert.deepEqual([inputs.timeout, inputs.memorySize], ["30", "512"]);
    const deprecated: string[] = (lambda.parameters!.deprecatedRuntimes as { default: string[] }).default;
    assert.ok(allowed().includes("nodejs22.x") && allowed().includes("python3.13"));
    assert.deepEqual(allowed().filter((r: string) => deprecated.includes(r)), []);
    assert.deepEqual([...allowed(), ...deprecated].sort(), [...LAMBDA_RUNTIMES].sort());
    assert.ok(!allowed({ deprecatedRuntimes: [...deprecated, "nodejs20.x"] }).includes("nodejs20.x"));
    // Every runtime the provider knows is one the list knows, so none is left out of the allowed ones by omission.
    assert.deepEqual(Object.values(aws.lambda.Runtime).filter((r) => !LAMBDA_RUNTIMES.includes(r)), []);
  });

  it("defaults to mandatory for high and critical severity, advisory otherwise", () => {
    for (const p of policies) {
      const entry = catalog.find((e) => e.id === p.name)!;
      assert.equal(p.enforcementLevel, entry.enforcement ?? (["high", "critical"].includes(entry.severity) ? "mandatory" : "advisory"), p.name);
      assert.equal(p.severity, entry.severity);
    }
    assert.equal(defaultEnforcementLevel("medium"), "advisory");
  });

  it("generates the AWS Config rules with the policies' parameter values", () => {
    const specs = awsConfigRules();
    const byName = new Map(specs.map((s) => [s.name, s]));
    assert.equal(byName.get("restricted-ssh")!.sourceIdentifier, "INCOMING_SSH_DISABLED");
    assert.deepEqual(JSON.parse(byName.get("restricted-common-ports")!.inputParameters!), {
      blockedPort1: "20",
      blockedPort2: "21",
      blockedPort3: "3389",
      blockedPort4: "3306",
      blockedPort5: "4333",
    });
    assert.equal(byName.has("restricted-common-ports-2"), false);
    // Past AWS Config's five ports the rule is deployed again for the rest, so no port is silently left unchecked.
    const ports = awsConfigRules({ parameters: { "restricted-common-ports": { blockedPorts: [20, 21, 3389, 3306, 4333, 5432] } } });
    assert.deepEqual(
      ports.filter((s) => s.sourceIdentifier === "RESTRICTED_INCOMING_TRAFFIC").map((s) => [s.name, JSON.parse(s.inputParameters!)]),
      [
        ["restricted-common-ports", { blockedPort1: "20", blockedPort2: "21", blockedPort3: "3389", blockedPort4: "3306", blockedPort5: "4333" }],
        ["restricted-common-ports-2", { blockedPort1: "5432" }],
      ],
    );
    const none = awsConfigRules({ parameters: { "restricted-common-ports": { blockedPorts: [] } } });
    assert.equal(none.filter((s) => s.sourceIdentifier === "RESTRICTED_INCOMING_TRAFFIC").length, 0, "no ports: AWS's rule would block its own five");
    assert.equal(byName.get("s3-default-encryption-kms")!.inputParameters, undefined);
    // The application lists have no sensible default: those rules appear only when given.
    assert.equal(byName.has("ec2-managedinstance-applications-blacklisted"), false);
    assert.ok(byName.has("iam-root-access-key-check"), "account-level rules are deployable though not previewable");
    assert.ok(!byName.has("kamae-upload-bucket-malware-scan"));

    const custom = new Map(
      awsConfigRules({
        parameters: { "ec2-managedinstance-applications-blacklisted": { applicationNames: ["nmap", "john:1.9"] }, "vpc-sg-open-only-to-authorized-ports": { authorizedTcpPorts: [443] } },
        exclude: ["securityhub-enabled"],
      }).map((s) => [s.name, s]),
    );
    assert.deepEqual(JSON.parse(custom.get("ec2-managedinstance-applications-blacklisted")!.inputParameters!), { applicationNames: "nmap,john:1.9" });
    assert.deepEqual(JSON.parse(custom.get("vpc-sg-open-only-to-authorized-ports")!.inputParameters!), { authorizedTcpPorts: "443" });
    assert.equal(custom.has("securityhub-enabled"), false);
  });

  it("policies/README.md carries the current catalog table (regenerate with `npm run policies:table`)", () => {
    const readme = readFileSync(join(root, "policies", "README.md"), "utf8");
    assert.ok(readme.includes(TABLE_START) && readme.includes(TABLE_END));
    assert.equal(withCatalogTable(readme), readme, "policies/README.md catalog table is stale: run `npm run policies:table`");
    for (const e of catalog) assert.ok(renderCatalogTable().includes(`\`${e.id}\``));
  });

  it("detects a stale table", () => {
    const readme = readFileSync(join(root, "policies", "README.md"), "utf8");
    const stale = readme.replace("`restricted-ssh`", "`restricted-ssh-old`");
    assert.notEqual(withCatalogTable(stale), stale);
  });

  it("keeps the pack's package.json version equal to the package's (PolicyPack reports it)", () => {
    const pack = JSON.parse(readFileSync(join(root, "policies", "package.json"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    assert.equal(pack.version, pkg.version);
    assert.match(readFileSync(join(root, "policies", "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
  });
});
