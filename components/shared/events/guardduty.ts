import { parseEventBridgeEventOf } from "./eventbridge";
import { ACCOUNT_ID, ENI_ID, FieldReader, INSTANCE_ID, REGION, describe, field, isObject, isValidBucketName, path } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";
import { parseIp } from "../net/cidr";

export interface GuardDutyFinding {
  id: string;
  arn?: string;
  /** ThreatPurpose:ResourceType/ThreatFamily.Variant!Artifact */
  type: string;
  /** The part of `type` before ":", e.g. "Recon". */
  threatPurpose: string;
  /** The part of `type` between ":" and "/", e.g. "EC2", "IAMUser", "S3". */
  resourceKind: string;
  severity: number;
  severityLabel: "low" | "medium" | "high" | "critical";
  /** The account the finding is about (a member account under a delegated administrator). */
  accountId: string;
  region: string;
  title?: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  /** resource.resourceType: Instance | AccessKey | S3Bucket | … */
  resourceType?: string;
  instanceId?: string;
  networkInterfaceIds: string[];
  accessKey?: { accessKeyId?: string; principalId?: string; userType?: string; userName?: string };
  bucketNames: string[];
  /** service.action.actionType: NETWORK_CONNECTION | PORT_PROBE | AWS_API_CALL | DNS_REQUEST | … */
  actionType?: string;
  /** Every remote IP of the action (all port-probe entries), validated and canonical, de-duplicated. */
  remoteIps: string[];
  /** DNS_REQUEST: the domain queried. */
  domain?: string;
  /** A sample finding (GuardDuty's "Generate sample findings"): responders should not act on it. */
  sample: boolean;
}

const TYPE = /^([A-Za-z0-9]+):([A-Za-z0-9]+)\/[A-Za-z0-9&!._:/-]+$/;

export function severityLabel(severity: number): GuardDutyFinding["severityLabel"] {
  if (severity >= 9) return "critical";
  if (severity >= 7) return "high";
  if (severity >= 4) return "medium";
  return "low";
}

/** Reads the `detail` of a "GuardDuty Finding" event (or a finding from GetFindings). */
export function parseGuardDutyFinding(detail: unknown): ParseResult<GuardDutyFinding> {
  return guarded("GuardDuty finding", () => {
    if (!isObject(detail)) return fail(`GuardDuty finding is not an object (${describe(detail)})`);
    const r = new FieldReader(detail, "finding");
    const id = r.matching("id", /^[A-Za-z0-9_-]{1,300}$/, "a finding id", true);
    const type = r.matching("type", TYPE, "a finding type", true);
    const severity = r.number("severity", { min: 0, max: 10, required: true });
    const accountId = r.matching("accountId", ACCOUNT_ID, "a 12-digit account id", true);
    const region = r.matching("region", REGION, "an AWS Region", true);

    const resource = field(detail, "resource");
    const res = new FieldReader(resource, "finding.resource");
    const resourceType = res.text("resourceType");
    const instance = field(resource, "instanceDetails");
    const inst = new FieldReader(instance, "finding.resource.instanceDetails");
    const instanceId = inst.matching("instanceId", INSTANCE_ID, "an instance id");
    const networkInterfaceIds: string[] = [];
    const enis = field(instance, "networkInterfaces");
    for (const eni of Array.isArray(enis) ? enis : []) {
      const e = new FieldReader(eni, "networkInterfaces[]");
      const eniId = e.matching("networkInterfaceId", ENI_ID, "a network interface id");
      if (eniId !== undefined && !networkInterfaceIds.includes(eniId)) networkInterfaceIds.push(eniId);
      inst.errors.push(...e.errors);
    }
    const keyDetails = field(resource, "accessKeyDetails");
    let accessKey: GuardDutyFinding["accessKey"];
    if (isObject(keyDetails)) {
      const k = new FieldReader(keyDetails, "finding.resource.accessKeyDetails");
      accessKey = {};
      const accessKeyId = k.matching("accessKeyId", /^[A-Z0-9]{16,128}$/, "an access key id");
      if (accessKeyId !== undefined) accessKey.accessKeyId = accessKeyId;
      for (const [from, to] of [["principalId", "principalId"], ["userType", "userType"], ["userName", "userName"]] as const) {
        const v = k.text(from);
        if (v !== undefined) accessKey[to] = v;
      }
      res.errors.push(...k.errors);
    }
    const bucketNames: string[] = [];
    const buckets = field(resource, "s3BucketDetails");
    for (const b of Array.isArray(buckets) ? buckets : []) {
      const name = field(b, "name");
      if (name === undefined || name === null) continue;
      if (!isValidBucketName(name)) res.error(`s3BucketDetails name is not a bucket name: ${describe(name)}`);
      else if (!bucketNames.includes(name)) bucketNames.push(name);
    }

    const action = path(detail, "service", "action");
    const actionType = new FieldReader(action).text("actionType");
    const remoteIps: string[] = [];
    const ipErrors: string[] = [];
    const addIp = (details: unknown, where: string): void => {
      for (const k of ["ipAddressV4", "ipAddressV6"]) {
        const raw = field(details, k);
        if (raw === undefined || raw === null || raw === "") continue;
        const parsed = typeof raw === "string" ? parseIp(raw) : undefined;
        if (!parsed?.ok) ipErrors.push(`${where}.remoteIpDetails.${k} is not an IP address: ${describe(raw)}`);
        else if (!remoteIps.includes(parsed.value.text)) remoteIps.push(parsed.value.text);
      }
    };
    let domain: string | undefined;
    switch (actionType) {
      case "NETWORK_CONNECTION":
        addIp(path(action, "networkConnectionAction", "remoteIpDetails"), "networkConnectionAction");
        break;
      case "PORT_PROBE": {
        const probes = path(action, "portProbeAction", "portProbeDetails");
        for (const p of Array.isArray(probes) ? probes : []) addIp(field(p, "remoteIpDetails"), "portProbeDetails[]");
        break;
      }
      case "AWS_API_CALL":
        addIp(path(action, "awsApiCallAction", "remoteIpDetails"), "awsApiCallAction");
        break;
      case "KUBERNETES_API_CALL":
        addIp(path(action, "kubernetesApiCallAction", "remoteIpDetails"), "kubernetesApiCallAction");
        break;
      case "RDS_LOGIN_ATTEMPT": {
        const attempts = path(action, "rdsLoginAttemptAction", "remoteIpDetails");
        for (const d of Array.isArray(attempts) ? attempts : [attempts]) addIp(d, "rdsLoginAttemptAction");
        break;
      }
      case "DNS_REQUEST": {
        const d = path(action, "dnsRequestAction", "domain");
        if (typeof d === "string" && d !== "") domain = d;
        break;
      }
    }

    const errors = [...r.errors, ...res.errors, ...inst.errors, ...ipErrors];
    if (errors.length > 0) return fail(`GuardDuty finding ${id ?? ""}: ${errors.join("; ")}`);
    const m = TYPE.exec(type!)!;
    const finding: GuardDutyFinding = {
      id: id!,
      type: type!,
      threatPurpose: m[1],
      resourceKind: m[2],
      severity: severity!,
      severityLabel: severityLabel(severity!),
      accountId: accountId!,
      region: region!,
      networkInterfaceIds,
      bucketNames,
      remoteIps,
      sample: isSample(path(detail, "service", "additionalInfo")),
    };
    const optional = {
      arn: r.text("arn"),
      title: r.text("title"),
      description: r.text("description"),
      createdAt: r.timestamp("createdAt"),
      updatedAt: r.timestamp("updatedAt"),
      resourceType,
      instanceId,
      accessKey,
      actionType,
      domain,
    };
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) (finding as unknown as Record<string, unknown>)[k] = v;
    return ok(finding);
  });
}

/**
 * GuardDuty marks the findings of "Generate sample findings" in `service.additionalInfo`, either as `sample: true` or,
 * in the newer shape, inside the JSON text of `additionalInfo.value`.
 */
function isSample(info: unknown): boolean {
  if (!isObject(info)) return false;
  if (info.sample === true || info.sample === "true") return true;
  if (typeof info.value !== "string" || info.value.length > 64 * 1024) return false;
  try {
    const inner: unknown = JSON.parse(info.value);
    return isObject(inner) && (inner.sample === true || inner.sample === "true");
  } catch {
    return false;
  }
}

/**
 * Why a finding is not acted on because it is a sample (a drill, typically from onboarding), or undefined when it is
 * real or the responder was configured to act on drills. Every intake of GuardDuty findings asks this one question.
 */
export function sampleFindingDismissal(finding: Pick<GuardDutyFinding, "id" | "sample">, actOnSamples: boolean): string | undefined {
  if (!finding.sample || actOnSamples) return undefined;
  return `finding ${finding.id} is a GuardDuty sample finding (a drill): not acted on (set the drill opt-in to act on samples)`;
}

/** Reads a whole "GuardDuty Finding" EventBridge event. */
export function parseGuardDutyEvent(event: unknown): ParseResult<GuardDutyFinding> {
  return guarded("GuardDuty event", () => {
    const envelope = parseEventBridgeEventOf(event, "aws.guardduty", "GuardDuty Finding");
    if (!envelope.ok) return envelope;
    return parseGuardDutyFinding(envelope.value.detail);
  });
}
