import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { awsConfigRules, catalog, controlsOf, defaultEnforcementLevel, previewEntries } from "../../policies/catalog";
import { FSBP_CONTROLS } from "../../policies/fsbp-controls";
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

  it("names real FSBP controls, takes the control's severity, and maps them to CIS, NIST and PCI through the control", () => {
    const order = ["low", "medium", "high", "critical"];
    for (const e of catalog) {
      for (const id of e.fsbp ?? []) assert.ok(FSBP_CONTROLS[id], `${e.id}: ${id} is not an FSBP control`);
      if (e.fsbp?.length && e.id !== "sqs-queue-encrypted-kms") {
        const severity = order[Math.max(...e.fsbp.map((id) => order.indexOf(FSBP_CONTROLS[id].severity)))];
        if (ruleEntries.includes(e)) assert.equal(e.severity, severity, e.id);
      }
    }
    const kms = controlsOf(catalog.find((e) => e.id === "cmk-backing-key-rotation-enabled")!);
    assert.deepEqual(kms.fsbp, ["KMS.4"]);
    assert.deepEqual(kms.cis, ["3.6"]);
    assert.ok(kms.nist.includes("SC-12(2)") && kms.pci.includes("3.7.4.5"));
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
