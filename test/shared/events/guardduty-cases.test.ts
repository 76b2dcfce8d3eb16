import { strict as assert } from "node:assert";
import { parseGuardDutyEvent, parseGuardDutyFinding, sampleFindingDismissal, severityLabel, type GuardDutyFinding } from "../../../components/shared/events/guardduty";

// GuardDuty findings field by field, expectations from the documented finding format (../shared/reference/
// event-formats.md section 4, GuardDuty "Finding details"): type ThreatPurpose:ResourceType/ThreatFamily.Variant!Artifact,
// severity 0-10 (Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0), the remote IP by action type.
const detail = (extra: Record<string, unknown> = {}) => ({
  schemaVersion: "2.0",
  accountId: "111122223333",
  region: "us-east-1",
  id: "a2b3c4d5e6f7",
  arn: "arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/a2b3c4d5e6f7",
  type: "Recon:EC2/PortProbeUnprotectedPort",
  severity: 5,
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:05:00.000Z",
  title: "Unprotected port on EC2 instance i-0abc1234 is being probed.",
  description: "EC2 instance has an unprotected port which is being probed by a known malicious host.",
  ...extra,
});
const minimal: GuardDutyFinding = {
  id: "a2b3c4d5e6f7",
  type: "Recon:EC2/PortProbeUnprotectedPort",
  threatPurpose: "Recon",
  resourceKind: "EC2",
  severity: 5,
  severityLabel: "medium",
  accountId: "111122223333",
  region: "us-east-1",
  networkInterfaceIds: [],
  bucketNames: [],
  remoteIps: [],
  sample: false,
  arn: "arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/a2b3c4d5e6f7",
  title: "Unprotected port on EC2 instance i-0abc1234 is being probed.",
  description: "EC2 instance has an unprotected port which is being probed by a known malicious host.",
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:05:00.000Z",
};
const read = (d: unknown) => {
  const r = parseGuardDutyFinding(d);
  if (!r.ok) assert.fail(r.reason);
  return r.value;
};
const refused = (d: unknown, pattern: RegExp) => {
  const r = parseGuardDutyFinding(d);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.reason, pattern);
};
const action = (a: Record<string, unknown>) => ({ service: { action: a } });

describe("GuardDuty findings, field by field", () => {
  it("reads the required fields and only the optional ones present", () => {
    assert.deepEqual(read(detail()), minimal);
    const bare = read({ id: "f1", type: "Backdoor:EC2/C&CActivity.B!DNS", severity: 8, accountId: "111122223333", region: "eu-west-1" });
    assert.deepEqual(bare, { id: "f1", type: "Backdoor:EC2/C&CActivity.B!DNS", threatPurpose: "Backdoor", resourceKind: "EC2", severity: 8, severityLabel: "high", accountId: "111122223333", region: "eu-west-1", networkInterfaceIds: [], bucketNames: [], remoteIps: [], sample: false });
    assert.equal(read(detail({ type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS" })).resourceKind, "IAMUser");
    assert.equal("createdAt" in read(detail({ createdAt: "yesterday" })), false, "unreadable timestamps are dropped");
  });

  it("labels severities at the documented boundaries", () => {
    for (const [s, label] of [[0, "low"], [3.9, "low"], [4, "medium"], [6.9, "medium"], [7, "high"], [8.9, "high"], [9, "critical"], [10, "critical"]] as const) {
      assert.equal(severityLabel(s), label, String(s));
      assert.equal(read(detail({ severity: s })).severityLabel, label);
    }
    refused(detail({ severity: 10.1 }), /severity is not a number in \[0, 10\]/);
    refused(detail({ severity: -0.1 }), /severity/);
    refused(detail({ severity: undefined }), /severity is missing/);
    assert.equal(read(detail({ severity: "7.5" })).severity, 7.5);
  });

  it("refuses bad required fields, naming the finding and every reason", () => {
    refused("x", /GuardDuty finding is not an object \("x"\)/);
    refused(detail({ id: "bad id!" }), /^GuardDuty finding : finding\.id is not a finding id/);
    refused(detail({ id: "x".repeat(301) }), /finding\.id/);
    assert.equal(read(detail({ id: "x".repeat(300) })).id, "x".repeat(300));
    refused(detail({ type: "Recon" }), /^GuardDuty finding a2b3c4d5e6f7: finding\.type is not a finding type/);
    refused(detail({ type: "Recon:EC2" }), /finding\.type/);
    refused(detail({ type: "Recon:EC2/Port Probe" }), /finding\.type/);
    refused(detail({ accountId: "1111" }), /finding\.accountId is not a 12-digit account id/);
    refused(detail({ region: "moon-1" }), /finding\.region is not an AWS Region/);
    refused(detail({ accountId: undefined, region: undefined }), /finding\.accountId is missing; finding\.region is missing/);
  });

  it("an instance: its id and each network interface once", () => {
    const r = read(detail({ resource: { resourceType: "Instance", instanceDetails: { instanceId: "i-0abc12345678def90", networkInterfaces: [{ networkInterfaceId: "eni-0123456789abcdef0" }, { networkInterfaceId: "eni-0123456789abcdef0" }, { networkInterfaceId: "eni-12345678" }, {}] } } }));
    assert.equal(r.resourceType, "Instance");
    assert.equal(r.instanceId, "i-0abc12345678def90");
    assert.deepEqual(r.networkInterfaceIds, ["eni-0123456789abcdef0", "eni-12345678"]);
    refused(detail({ resource: { instanceDetails: { instanceId: "i-xyz" } } }), /finding\.resource\.instanceDetails\.instanceId is not an instance id/);
    refused(detail({ resource: { instanceDetails: { networkInterfaces: [{ networkInterfaceId: "eni-x" }] } } }), /networkInterfaces\[\]\.networkInterfaceId is not a network interface id/);
    assert.deepEqual(read(detail({ resource: { instanceDetails: { networkInterfaces: "eni-12345678" } } })).networkInterfaceIds, []);
  });

  it("an access key: id, principal, user type and name as given", () => {
    const r = read(detail({ type: "UnauthorizedAccess:IAMUser/TorIPCaller", resource: { resourceType: "AccessKey", accessKeyDetails: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", principalId: "AIDACKCEVSQ6C2EXAMPLE", userType: "IAMUser", userName: "alice" } } }));
    assert.deepEqual(r.accessKey, { accessKeyId: "AKIAIOSFODNN7EXAMPLE", principalId: "AIDACKCEVSQ6C2EXAMPLE", userType: "IAMUser", userName: "alice" });
    assert.deepEqual(read(detail({ resource: { accessKeyDetails: { userType: "Root" } } })).accessKey, { userType: "Root" });
    assert.deepEqual(read(detail({ resource: { accessKeyDetails: {} } })).accessKey, {});
    assert.equal("accessKey" in read(detail({ resource: { accessKeyDetails: "AKIA" } })), false);
    refused(detail({ resource: { accessKeyDetails: { accessKeyId: "akia-lower" } } }), /finding\.resource\.accessKeyDetails\.accessKeyId is not an access key id/);
    refused(detail({ resource: { accessKeyDetails: { accessKeyId: "AKIA1234567890" } } }), /accessKeyId/);
  });

  it("S3 buckets: each valid name once; a bad name refuses the finding", () => {
    const r = read(detail({ resource: { s3BucketDetails: [{ name: "logs-1" }, { name: "logs-1" }, { name: "data.example" }, { name: null }, {}] } }));
    assert.deepEqual(r.bucketNames, ["logs-1", "data.example"]);
    refused(detail({ resource: { s3BucketDetails: [{ name: "Bad_Name" }] } }), /s3BucketDetails name is not a bucket name: "Bad_Name"/);
    assert.deepEqual(read(detail({ resource: { s3BucketDetails: { name: "logs-1" } } })).bucketNames, []);
  });

  it("remote addresses by action type, canonical and de-duplicated; DNS requests give the domain", () => {
    const ip = (v4?: unknown, v6?: unknown) => ({ remoteIpDetails: { ipAddressV4: v4, ipAddressV6: v6, organization: { asn: "-1" } } });
    assert.deepEqual(read(detail(action({ actionType: "NETWORK_CONNECTION", networkConnectionAction: ip("198.51.100.7") }))).remoteIps, ["198.51.100.7"]);
    const probe = read(detail(action({ actionType: "PORT_PROBE", portProbeAction: { portProbeDetails: [ip("198.51.100.7"), ip("198.51.100.8", "2001:DB8::1"), ip("198.51.100.7"), {}] } })));
    assert.deepEqual(probe.remoteIps, ["198.51.100.7", "198.51.100.8", "2001:db8::1"]);
    assert.equal(probe.actionType, "PORT_PROBE");
    assert.deepEqual(read(detail(action({ actionType: "AWS_API_CALL", awsApiCallAction: ip(undefined, "2001:db8::5") }))).remoteIps, ["2001:db8::5"]);
    assert.deepEqual(read(detail(action({ actionType: "KUBERNETES_API_CALL", kubernetesApiCallAction: ip("203.0.113.9") }))).remoteIps, ["203.0.113.9"]);
    assert.deepEqual(read(detail(action({ actionType: "RDS_LOGIN_ATTEMPT", rdsLoginAttemptAction: { remoteIpDetails: [{ ipAddressV4: "203.0.113.1" }, { ipAddressV4: "203.0.113.2" }] } }))).remoteIps, ["203.0.113.1", "203.0.113.2"]);
    assert.deepEqual(read(detail(action({ actionType: "RDS_LOGIN_ATTEMPT", rdsLoginAttemptAction: { remoteIpDetails: { ipAddressV4: "203.0.113.3" } } }))).remoteIps, ["203.0.113.3"]);
    // Each action reads its own block only.
    assert.deepEqual(read(detail(action({ actionType: "AWS_API_CALL", networkConnectionAction: ip("198.51.100.7") }))).remoteIps, []);
    assert.deepEqual(read(detail(action({ actionType: "NETWORK_CONNECTION", portProbeAction: { portProbeDetails: [ip("198.51.100.7")] } }))).remoteIps, []);
    assert.deepEqual(read(detail(action({ actionType: "PORT_PROBE", portProbeAction: { portProbeDetails: ip("198.51.100.7") } }))).remoteIps, []);
    const dns = read(detail(action({ actionType: "DNS_REQUEST", dnsRequestAction: { domain: "pool.minergate.com" }, networkConnectionAction: ip("198.51.100.7") })));
    assert.equal(dns.domain, "pool.minergate.com");
    assert.deepEqual(dns.remoteIps, []);
    assert.equal("domain" in read(detail(action({ actionType: "DNS_REQUEST", dnsRequestAction: { domain: "" } }))), false);
    assert.equal("domain" in read(detail(action({ actionType: "NETWORK_CONNECTION", dnsRequestAction: { domain: "x.example" } }))), false);
    assert.deepEqual(read(detail(action({ actionType: "NETWORK_CONNECTION", networkConnectionAction: ip("", null) }))).remoteIps, []);
    refused(detail(action({ actionType: "NETWORK_CONNECTION", networkConnectionAction: ip("198.51.100.300") })), /networkConnectionAction\.remoteIpDetails\.ipAddressV4 is not an IP address: "198\.51\.100\.300"/);
    refused(detail(action({ actionType: "PORT_PROBE", portProbeAction: { portProbeDetails: [ip(undefined, 7)] } })), /portProbeDetails\[\]\.remoteIpDetails\.ipAddressV6 is not an IP address: 7/);
    refused(detail(action({ actionType: "AWS_API_CALL", awsApiCallAction: ip("x") })), /awsApiCallAction\.remoteIpDetails/);
    refused(detail(action({ actionType: "KUBERNETES_API_CALL", kubernetesApiCallAction: ip("x") })), /kubernetesApiCallAction\.remoteIpDetails/);
    refused(detail(action({ actionType: "RDS_LOGIN_ATTEMPT", rdsLoginAttemptAction: { remoteIpDetails: [{ ipAddressV4: "x" }] } })), /rdsLoginAttemptAction\.remoteIpDetails/);
  });

  it("sample findings, in both documented shapes", () => {
    const info = (additionalInfo: unknown) => read(detail({ service: { additionalInfo } })).sample;
    assert.equal(info({ sample: true }), true);
    assert.equal(info({ sample: "true" }), true);
    assert.equal(info({ value: '{"sample":true}', type: "default" }), true);
    assert.equal(info({ value: '{"sample":"true"}' }), true);
    for (const x of [undefined, "sample", { sample: false }, { sample: "false" }, { value: '{"sample":false}' }, { value: "{not json" }, { value: "[true]" }, { value: { sample: true } }, { value: `{"sample":true,"pad":"${"x".repeat(64 * 1024)}"}` }]) {
      assert.equal(info(x), false, JSON.stringify(x)?.slice(0, 60));
    }
    assert.equal(sampleFindingDismissal({ id: "f1", sample: false }, false), undefined);
    assert.equal(sampleFindingDismissal({ id: "f1", sample: true }, true), undefined);
    assert.equal(sampleFindingDismissal({ id: "f1", sample: true }, false), "finding f1 is a GuardDuty sample finding (a drill): not acted on (set the drill opt-in to act on samples)");
  });

  it("whole EventBridge events: the GuardDuty Finding detail type from aws.guardduty only", () => {
    const event = (source: string, type: string) => ({ version: "0", id: "e1", "detail-type": type, source, account: "111122223333", time: "2024-05-01T10:00:00Z", region: "us-east-1", resources: [], detail: detail() });
    const r = parseGuardDutyEvent(event("aws.guardduty", "GuardDuty Finding"));
    assert.deepEqual(r, { ok: true, value: minimal });
    assert.equal(parseGuardDutyEvent(event("aws.s3", "GuardDuty Finding")).ok, false);
    assert.equal(parseGuardDutyEvent(event("aws.guardduty", "GuardDuty Malware Protection Object Scan Result")).ok, false);
  });
});
