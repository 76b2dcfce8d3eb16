import { parseEventBridgeEventOf } from "./eventbridge";
import { ACCOUNT_ID, FieldReader, INSTANCE_ID, REGION, describe, field, isObject } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

/** Amazon Inspector (inspector2) severities, lowest first. */
export const INSPECTOR_SEVERITIES = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type InspectorSeverity = (typeof INSPECTOR_SEVERITIES)[number] | "UNTRIAGED";

export interface InspectorPackage {
  name: string;
  version?: string;
  fixedInVersion?: string;
  packageManager?: string;
}

export interface InspectorFinding {
  findingArn: string;
  /** The account of the affected resource (a member account under a delegated administrator). */
  accountId: string;
  /** The Region of the affected resource. */
  region: string;
  /** PACKAGE_VULNERABILITY | NETWORK_REACHABILITY | CODE_VULNERABILITY */
  type: string;
  severity: InspectorSeverity;
  /** ACTIVE | SUPPRESSED | CLOSED */
  status: string;
  title?: string;
  /** AWS_EC2_INSTANCE | AWS_ECR_CONTAINER_IMAGE | AWS_LAMBDA_FUNCTION | … (of the first resource) */
  resourceType: string;
  /** Set when the resource is an EC2 instance. */
  instanceId?: string;
  /** awsEc2Instance.platform, e.g. AMAZON_LINUX_2023, WINDOWS. */
  platform?: string;
  /** YES | NO | PARTIAL */
  fixAvailable?: string;
  exploitAvailable?: string;
  /** The CVE (or vendor advisory) id. */
  vulnerabilityId?: string;
  inspectorScore?: number;
  packages: InspectorPackage[];
  updatedAt?: string;
}

const FINDING_ARN = /^arn:aws[a-z-]*:inspector2:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):finding\/[A-Za-z0-9]{1,64}$/;
const SEVERITIES = new Set<string>([...INSPECTOR_SEVERITIES, "UNTRIAGED"]);

/** True when `severity` is at least `minimum` (UNTRIAGED never qualifies). */
export function meetsSeverity(severity: InspectorSeverity, minimum: (typeof INSPECTOR_SEVERITIES)[number]): boolean {
  const rank = INSPECTOR_SEVERITIES.indexOf(severity as (typeof INSPECTOR_SEVERITIES)[number]);
  return rank >= 0 && rank >= INSPECTOR_SEVERITIES.indexOf(minimum);
}

/** Reads the `detail` of an "Inspector2 Finding" event (the same shape as ListFindings returns). */
export function parseInspectorFinding(detail: unknown): ParseResult<InspectorFinding> {
  return guarded("Inspector finding", () => {
    if (!isObject(detail)) return fail(`Inspector finding is not an object (${describe(detail)})`);
    const r = new FieldReader(detail, "finding");
    const findingArn = r.matching("findingArn", FINDING_ARN, "an inspector2 finding ARN", true);
    const accountFromFinding = r.matching("awsAccountId", ACCOUNT_ID, "a 12-digit account id", true);
    const type = r.matching("type", /^[A-Z_]{1,64}$/, "a finding type", true);
    const severity = r.requiredText("severity");
    if (severity !== undefined && !SEVERITIES.has(severity)) r.error(`finding.severity is not an Inspector severity: ${describe(severity)}`);
    const status = r.matching("status", /^[A-Z_]{1,32}$/, "a finding status", true);
    const title = r.text("title");
    const fixAvailable = r.matching("fixAvailable", /^(YES|NO|PARTIAL)$/, "YES, NO or PARTIAL");
    const exploitAvailable = r.matching("exploitAvailable", /^(YES|NO)$/, "YES or NO");
    const inspectorScore = r.number("inspectorScore", { min: 0, max: 10 });
    const updatedAt = r.text("updatedAt");

    const resources = field(detail, "resources");
    if (!Array.isArray(resources) || resources.length === 0) r.error("finding.resources is missing or empty");
    const resource = Array.isArray(resources) ? resources[0] : undefined;
    const res = new FieldReader(resource, "finding.resources[0]");
    const resourceType = res.matching("type", /^[A-Z0-9_]{1,64}$/, "a resource type", true);
    const resourceRegion = res.matching("region", REGION, "an AWS Region");
    const resourceId = res.requiredText("id");
    let instanceId: string | undefined;
    let platform: string | undefined;
    if (resourceType === "AWS_EC2_INSTANCE") {
      if (resourceId !== undefined && INSTANCE_ID.test(resourceId)) instanceId = resourceId;
      else res.error(`finding.resources[0].id is not an instance id: ${describe(resourceId)}`);
      const ec2 = new FieldReader(field(field(resource, "details"), "awsEc2Instance"), "awsEc2Instance");
      platform = ec2.matching("platform", /^[A-Z0-9_]{1,64}$/, "a platform name");
      res.errors.push(...ec2.errors);
    }

    const vuln = field(detail, "packageVulnerabilityDetails");
    const v = new FieldReader(vuln, "finding.packageVulnerabilityDetails");
    const vulnerabilityId = v.matching("vulnerabilityId", /^[A-Za-z0-9_.:-]{1,128}$/, "a vulnerability id");
    const packages: InspectorPackage[] = [];
    const rawPackages = field(vuln, "vulnerablePackages");
    for (const p of Array.isArray(rawPackages) ? rawPackages.slice(0, 100) : []) {
      const pr = new FieldReader(p, "vulnerablePackages[]");
      const name = pr.text("name");
      if (name === undefined) continue;
      const pkg: InspectorPackage = { name: name.slice(0, 256) };
      for (const key of ["version", "fixedInVersion", "packageManager"] as const) {
        const value = pr.text(key);
        if (value !== undefined) pkg[key] = value.slice(0, 256);
      }
      packages.push(pkg);
    }

    const errors = [...r.errors, ...res.errors, ...v.errors];
    if (errors.length > 0) return fail(`not an Inspector finding: ${errors.join("; ")}`);
    // The ARN names the Region and account the finding lives in; the resource's own fields win when present.
    const arnParts = FINDING_ARN.exec(findingArn!)!;
    const finding: InspectorFinding = {
      findingArn: findingArn!,
      accountId: accountFromFinding ?? arnParts[2],
      region: resourceRegion ?? arnParts[1],
      type: type!,
      severity: severity as InspectorSeverity,
      status: status!,
      resourceType: resourceType!,
      packages,
    };
    if (title !== undefined) finding.title = title.slice(0, 512);
    if (instanceId !== undefined) finding.instanceId = instanceId;
    if (platform !== undefined) finding.platform = platform;
    if (fixAvailable !== undefined) finding.fixAvailable = fixAvailable;
    if (exploitAvailable !== undefined) finding.exploitAvailable = exploitAvailable;
    if (vulnerabilityId !== undefined) finding.vulnerabilityId = vulnerabilityId;
    if (inspectorScore !== undefined) finding.inspectorScore = inspectorScore;
    if (updatedAt !== undefined) finding.updatedAt = updatedAt.slice(0, 64);
    return ok(finding);
  });
}

/** Reads a whole "Inspector2 Finding" EventBridge event. */
export function parseInspectorEvent(event: unknown): ParseResult<InspectorFinding> {
  const envelope = parseEventBridgeEventOf(event, "aws.inspector2", "Inspector2 Finding");
  if (!envelope.ok) return envelope;
  return parseInspectorFinding(envelope.value.detail);
}
