import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { meetsSeverity, parseInspectorEvent, parseInspectorFinding } from "../../../components/shared/events/inspector";

// The Inspector parser field by field: each accepted value at its edge, each refusal with its reason.
const sample = () => JSON.parse(readFileSync(join(__dirname, "../../../components/patch-on-finding/fixtures/inspector-ec2-package-vulnerability.json"), "utf8"));
const detail = (edit: (d: any) => void = () => undefined) => {
  const d = sample().detail;
  edit(d);
  return d;
};
const accepted = (edit: (d: any) => void) => {
  const r = parseInspectorFinding(detail(edit));
  if (!r.ok) assert.fail(r.reason);
  return r.value;
};
const refused = (edit: (d: any) => void, reason: RegExp) => {
  const r = parseInspectorFinding(detail(edit));
  assert.ok(!r.ok, "accepted");
  assert.match(r.reason, reason);
};

describe("Inspector finding parser", () => {
  it("reads the sample: ids, severity, instance, packages", () => {
    const f = accepted(() => undefined);
    assert.equal(f.accountId, "111122223333");
    assert.equal(f.region, "us-east-1");
    assert.equal(f.severity, "HIGH");
    assert.equal(f.instanceId, "i-0123456789abcdef0");
    assert.equal(f.fixAvailable, "YES");
    assert.equal(f.exploitAvailable, "YES");
    assert.equal(f.vulnerabilityId, "CVE-2026-0001");
    assert.equal(f.inspectorScore, 7.5);
    assert.deepEqual(f.packages, [{ name: "openssl-libs", version: "3.0.8", fixedInVersion: "1:3.0.8-1.amzn2023.0.20", packageManager: "OS" }]);
    assert.ok(parseInspectorEvent(sample()).ok);
  });

  it("refuses an event of another source or type", () => {
    assert.equal(parseInspectorEvent({ ...sample(), source: "aws.guardduty" }).ok, false);
    assert.equal(parseInspectorEvent({ ...sample(), "detail-type": "Inspector2 Coverage" }).ok, false);
  });

  it("takes the Region from the ARN when the resource omits it, and the resource's when present; requires the account", () => {
    const f = accepted((d) => {
      delete d.resources[0].region;
      d.findingArn = "arn:aws:inspector2:eu-west-1:444455556666:finding/abc";
    });
    assert.deepEqual([f.accountId, f.region], ["111122223333", "eu-west-1"]);
    refused((d) => delete d.awsAccountId, /awsAccountId is missing/);
    const g = accepted((d) => (d.resources[0].region = "ap-southeast-2"));
    assert.equal(g.region, "ap-southeast-2");
  });

  it("refuses malformed identifiers and enumerations", () => {
    refused((d) => (d.findingArn = "arn:aws:inspector:us-east-1:111122223333:finding/abc"), /finding ARN/);
    refused((d) => (d.findingArn = `arn:aws:inspector2:us-east-1:111122223333:finding/${"a".repeat(65)}`), /finding ARN/);
    refused((d) => (d.awsAccountId = "11112222333"), /12-digit/);
    refused((d) => (d.severity = "SEVERE"), /not an Inspector severity/);
    refused((d) => delete d.severity, /severity/);
    refused((d) => (d.type = "package vulnerability"), /finding type/);
    refused((d) => (d.status = "active"), /finding status/);
    refused((d) => (d.fixAvailable = "MAYBE"), /YES, NO or PARTIAL/);
    refused((d) => (d.exploitAvailable = "PARTIAL"), /YES or NO/);
    refused((d) => (d.inspectorScore = 10.1), /inspectorScore/);
    refused((d) => (d.resources = []), /resources is missing or empty/);
    refused((d) => delete d.resources, /resources is missing or empty/);
    refused((d) => (d.resources[0].id = "i-123"), /not an instance id/);
    refused((d) => (d.resources[0].region = "us-east"), /Region/);
    refused((d) => (d.packageVulnerabilityDetails.vulnerabilityId = "CVE 2026 0001"), /vulnerability id/);
    refused((d) => (d.resources[0].details.awsEc2Instance.platform = "amazon linux"), /platform/);
  });

  it("accepts the edges: score 0 and 10, PARTIAL fixes, UNTRIAGED severity, a finding id of 64 characters", () => {
    assert.equal(accepted((d) => (d.inspectorScore = 0)).inspectorScore, 0);
    assert.equal(accepted((d) => (d.inspectorScore = 10)).inspectorScore, 10);
    assert.equal(accepted((d) => (d.fixAvailable = "PARTIAL")).fixAvailable, "PARTIAL");
    assert.equal(accepted((d) => (d.severity = "UNTRIAGED")).severity, "UNTRIAGED");
    accepted((d) => (d.findingArn = `arn:aws-us-gov:inspector2:us-gov-west-1:111122223333:finding/${"a".repeat(64)}`));
  });

  it("names no instance for other resource types, and keeps at most 100 packages with bounded text", () => {
    const ecr = accepted((d) => {
      d.resources[0].type = "AWS_ECR_CONTAINER_IMAGE";
      d.resources[0].id = "arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:abc";
    });
    assert.equal(ecr.instanceId, undefined);
    assert.equal(ecr.platform, undefined);
    const many = accepted((d) => {
      d.packageVulnerabilityDetails.vulnerablePackages = Array.from({ length: 150 }, (_, i) => ({ name: `p${i}`.padEnd(300, "x"), version: "v".repeat(300) }));
      d.packageVulnerabilityDetails.vulnerablePackages.unshift({ version: "1.0" });
      d.title = "t".repeat(600);
      d.updatedAt = "u".repeat(100);
    });
    assert.equal(many.packages.length, 99, "the nameless package is skipped, the list cut at 100 read");
    assert.ok(many.packages.every((p) => p.name.length === 256 && p.version!.length === 256));
    assert.equal(many.title!.length, 512);
    assert.equal(many.updatedAt!.length, 64);
  });

  it("meetsSeverity ranks severities; UNTRIAGED never qualifies", () => {
    assert.equal(meetsSeverity("HIGH", "HIGH"), true);
    assert.equal(meetsSeverity("MEDIUM", "HIGH"), false);
    assert.equal(meetsSeverity("CRITICAL", "LOW"), true);
    assert.equal(meetsSeverity("INFORMATIONAL", "LOW"), false);
    assert.equal(meetsSeverity("UNTRIAGED", "LOW"), false);
  });
});
