import { strict as assert } from "node:assert";
import { join } from "node:path";
import { main } from "../../cli/main";
import { controlsText } from "../../cli/catalog";
import { catalog } from "../../policies/catalog";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("kamae policies", () => {
  it("lists the catalog as JSON with each policy's FSBP, CIS, NIST and PCI controls and its AWS Config rule", async () => {
    const { code, stdout } = await run(["policies", "--format", "json"]);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.policies.length, catalog.length);
    const fsbp = new Set(json.policies.filter((p: any) => p.judged !== "none").flatMap((p: any) => p.controls.fsbp));
    assert.equal(json.fsbpControlsJudgedAtPreview, fsbp.size);
    assert.ok(fsbp.size >= 210, `only ${fsbp.size} FSBP controls judged at preview`);
    const kms = json.policies.find((p: any) => p.id === "cmk-backing-key-rotation-enabled");
    assert.deepEqual([kms.awsConfigIdentifier, kms.controls.fsbp, kms.controls.cis, kms.controls.pci], ["CMK_BACKING_KEY_ROTATION_ENABLED", ["KMS.4"], ["3.6"], ["3.7.4"]]);
    // Provenance: AWS's mapping where it was obtained, a derived one (apart) only where it was not.
    const trail = json.policies.find((p: any) => p.id === "multi-region-cloudtrail-enabled");
    assert.deepEqual([trail.controls.cis, trail.controls.derived.cis], [[], ["3.1"]]);
    assert.deepEqual(kms.controls.derived, { cis: [], nist: [], pci: [] });
    const ecs = json.policies.find((p: any) => p.id === "ecs-containers-nonprivileged");
    assert.deepEqual([ecs.awsConfigIdentifier, ecs.controls.fsbp, ecs.defaultLevel], ["ECS_CONTAINERS_NONPRIVILEGED", ["ECS.4"], "mandatory"]);
  });

  it("selects by framework, and refuses an unknown one", async () => {
    const cis = JSON.parse((await run(["policies", "--format", "json", "--framework", "cis"])).stdout);
    assert.ok(cis.policies.length > 0 && cis.policies.every((p: any) => p.controls.cis.length > 0 || p.controls.derived.cis.length > 0));
    const selected = new Set(cis.policies.map((p: any) => p.id));
    assert.ok(selected.has("s3-bucket-ssl-requests-only") && selected.has("multi-region-cloudtrail-enabled"));
    // AWS relates IAM.1 to CIS v1.2.0 and v1.4.0 only; the shared-check join had it in CIS v3.
    assert.ok(!selected.has("iam-policy-no-statements-with-admin-access"));
    assert.ok(cis.policies.length < catalog.length);
    const table = (await run(["policies"])).stdout;
    assert.match(table, /^ecs-containers-nonprivileged\s+ECS\.4\s+ECS_CONTAINERS_NONPRIVILEGED\s+high\s+mandatory$/m);
    const bad = await run(["policies", "--framework", "sox"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--framework must be one of fsbp, cis, nist, pci/);
  });
});

describe("controlsText", () => {
  it("marks derived ids and shows a framework known only through them", () => {
    const controls = { fsbp: ["CloudTrail.1"], cis: [], nist: ["AU-12"], pci: [], derived: { cis: ["3.1"], nist: [], pci: [] } };
    assert.equal(controlsText(controls), "FSBP CloudTrail.1; CIS v3 3.1 (derived); NIST 800-53 r5 AU-12");
  });
});

describe("kamae check --framework", function () {
  this.timeout(120_000);

  it("keeps the findings of policies that judge a control of the framework, with the control ids in the report", async () => {
    const { code, stdout, stderr } = await run(["check", join(__dirname, "fixtures", "insecure"), "--format", "json", "--framework", "cis"]);
    assert.equal(code, 1, stderr);
    const json = JSON.parse(stdout);
    assert.ok(json.findings.length > 0);
    for (const f of json.findings) assert.ok(f.controls.cis.length > 0 || f.controls.derived.cis.length > 0, `${f.policyId} maps to no CIS control`);
    assert.ok(json.findings.some((f: any) => f.policyId === "s3-bucket-ssl-requests-only" && f.controls.fsbp.includes("S3.5")));
    assert.ok(!json.findings.some((f: any) => f.policyId === "sns-encrypted-kms"), "SNS.1 maps to no CIS control");
    assert.equal((await run(["check", join(__dirname, "fixtures", "insecure"), "--framework", "iso"])).code, 2);
  });
});
