import { strict as assert } from "node:assert";
import { parseDeepSecurityMessage, isAwsHostEvent, type DeepSecurityEvent } from "../../../components/shared/events/deep-security";
import { parseEc2StateChange } from "../../../components/shared/events/ec2-state-change";
import { parseEventBridgeEnvelope, parseEventBridgeEventOf } from "../../../components/shared/events/eventbridge";
import { describe as describeValue, FieldReader, isObject, isValidBucketName, isValidObjectKey, parseJsonText, toNumber } from "../../../components/shared/events/fields";
import { meetsSeverity, parseInspectorFinding } from "../../../components/shared/events/inspector";
import { parseMalwareProtectionEvent } from "../../../components/shared/events/malware-protection";
import { parseSnsEvent } from "../../../components/shared/events/sns";

// Envelopes and the smaller parsers field by field, expectations from the documented formats (EventBridge "Amazon
// EventBridge events" structure; SNS→Lambda record; Malware Protection for S3 scan result; Inspector2 finding; Deep
// Security event fields, ../shared/reference/event-formats.md sections 1 and 3).
const envelope = (extra: Record<string, unknown> = {}) => ({
  version: "0",
  id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "GuardDuty Malware Protection Object Scan Result",
  source: "aws.guardduty",
  account: "111122223333",
  time: "2024-05-01T10:00:00Z",
  region: "us-east-1",
  resources: ["arn:aws:guardduty:us-east-1:111122223333:malware-protection-plan/p1"],
  detail: {},
  ...extra,
});

describe("EventBridge and SNS envelopes", () => {
  it("EventBridge: every envelope field; resources optional but a list of strings when given", () => {
    assert.deepEqual(parseEventBridgeEnvelope(envelope({ detail: { a: 1 } })), {
      ok: true,
      value: { id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718", source: "aws.guardduty", detailType: "GuardDuty Malware Protection Object Scan Result", account: "111122223333", region: "us-east-1", time: "2024-05-01T10:00:00Z", resources: ["arn:aws:guardduty:us-east-1:111122223333:malware-protection-plan/p1"], detail: { a: 1 } },
    });
    for (const resources of [undefined, null]) {
      const r = parseEventBridgeEnvelope(envelope({ resources }));
      assert.deepEqual(r.ok && r.value.resources, []);
    }
    assert.deepEqual(parseEventBridgeEnvelope(envelope({ resources: "arn" })), { ok: false, reason: "not an EventBridge event: resources is not a list of strings" });
    assert.deepEqual(parseEventBridgeEnvelope(envelope({ resources: ["a", 1] })), { ok: false, reason: "not an EventBridge event: resources is not a list of strings" });
    assert.deepEqual(parseEventBridgeEnvelope(envelope({ time: "soon", detail: [] })), { ok: false, reason: "not an EventBridge event: time is missing or not a timestamp; detail is missing or not an object" });
    assert.deepEqual(parseEventBridgeEnvelope([]), { ok: false, reason: "not an EventBridge event: not an object" });
    assert.deepEqual(parseEventBridgeEventOf(envelope({ source: "aws.s3" }), "aws.guardduty", "GuardDuty Finding"), { ok: false, reason: 'expected "GuardDuty Finding" from aws.guardduty, got "GuardDuty Malware Protection Object Scan Result" from aws.s3' });
    const long = parseEventBridgeEventOf(envelope({ source: "s".repeat(100), "detail-type": "d".repeat(100) }), "aws.guardduty", "GuardDuty Finding");
    assert.deepEqual(long, { ok: false, reason: `expected "GuardDuty Finding" from aws.guardduty, got "${"d".repeat(80)}" from ${"s".repeat(80)}` });
  });

  it("SNS: topic ARN, message id and string message required; subject and timestamp when given", () => {
    const record = (sns: Record<string, unknown>) => ({ Records: [{ EventSource: "aws:sns", Sns: { TopicArn: "arn:aws:sns:us-east-1:111122223333:t", MessageId: "m1", Message: "{}", ...sns } }] });
    assert.deepEqual(parseSnsEvent(record({ Subject: "s", Timestamp: "2024-05-01T10:00:00.000Z" })), { ok: true, value: [{ topicArn: "arn:aws:sns:us-east-1:111122223333:t", messageId: "m1", subject: "s", message: "{}", timestamp: "2024-05-01T10:00:00.000Z" }] });
    assert.deepEqual(parseSnsEvent(record({ TopicArn: "arn:aws:sqs:us-east-1:111122223333:t" })), { ok: false, reason: 'Records[0].Sns.TopicArn is not an SNS topic ARN: "arn:aws:sqs:us-east-1:111122223333:t"' });
    assert.deepEqual(parseSnsEvent(record({ MessageId: undefined })), { ok: false, reason: "Records[0].Sns.MessageId is missing or not a string (undefined)" });
    assert.deepEqual(parseSnsEvent(record({ Message: 5 })), { ok: false, reason: "Records[0].Sns.Message is not a string" });
    assert.deepEqual(parseSnsEvent({ Records: [{ Sns: [] }] }), { ok: false, reason: "Records[0].Sns is missing: not an SNS record" });
  });

  it("EC2 state changes: instance, state, account and Region", () => {
    const ec2 = (detail: Record<string, unknown>) => envelope({ source: "aws.ec2", "detail-type": "EC2 Instance State-change Notification", detail });
    assert.deepEqual(parseEc2StateChange(ec2({ "instance-id": "i-0123456789abcdef0", state: "running" })), { ok: true, value: { instanceId: "i-0123456789abcdef0", state: "running", accountId: "111122223333", region: "us-east-1", time: "2024-05-01T10:00:00Z" } });
    assert.deepEqual(parseEc2StateChange(ec2({ "instance-id": "i-0123456789abcdef0" })), { ok: false, reason: "detail.state is missing" });
    assert.deepEqual(parseEc2StateChange(ec2({ "instance-id": "i-x", state: "melting" })), { ok: false, reason: 'detail.instance-id is not an instance id: "i-x"; detail.state is not an instance state: "melting"' });
  });
});

describe("GuardDuty Malware Protection for S3 scan results, field by field", () => {
  const scan = (detail: Record<string, unknown> = {}, object: Record<string, unknown> = {}, result: Record<string, unknown> | null = {}) =>
    envelope({
      detail: {
        schemaVersion: "1.0",
        scanStatus: "COMPLETED",
        resourceType: "S3_OBJECT",
        s3ObjectDetails: { bucketName: "uploads-prod", objectKey: "in/a b.txt", eTag: "e1", versionId: "v1", s3Throttled: false, ...object },
        scanResultDetails: result === null ? undefined : { scanResultStatus: "NO_THREATS_FOUND", threats: null, ...result },
        ...detail,
      },
    });
  const clean = { bucket: "uploads-prod", key: "in/a b.txt", region: "us-east-1", verdict: "clean", findings: [], partial: false, scannedAt: "2024-05-01T10:00:00Z", accountId: "111122223333", scanStatus: "COMPLETED", resultStatus: "NO_THREATS_FOUND", source: "guardduty-malware-protection", etag: "e1", versionId: "v1" };
  const read = (e: unknown) => {
    const r = parseMalwareProtectionEvent(e);
    if (!r.ok) assert.fail(r.reason);
    return r.value;
  };
  const refused = (e: unknown, reason: string | RegExp) => {
    const r = parseMalwareProtectionEvent(e);
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(typeof reason === "string" ? r.reason === reason : reason.test(r.reason), r.reason);
  };

  it("clean only when COMPLETED and NO_THREATS_FOUND, with every documented field", () => {
    assert.deepEqual(read(scan()), clean);
    const bare = read(scan({}, { eTag: undefined, versionId: undefined }));
    assert.equal("etag" in bare || "versionId" in bare, false);
    assert.deepEqual(read(scan({ resourceType: undefined })), clean);
  });

  it("each documented status to its verdict", () => {
    const cases: Array<[string, string | undefined, string]> = [
      ["COMPLETED", "THREATS_FOUND", "malicious"],
      ["SKIPPED", "THREATS_FOUND", "malicious"],
      ["COMPLETED", "UNSUPPORTED", "unsupported"],
      ["SKIPPED", undefined, "unsupported"],
      ["FAILED", "NO_THREATS_FOUND", "failed"],
      ["SKIPPED", "NO_THREATS_FOUND", "unsupported"],
      ["COMPLETED", "ACCESS_DENIED", "failed"],
      ["COMPLETED", "FAILED", "failed"],
      ["FAILED", undefined, "failed"],
    ];
    for (const [scanStatus, resultStatus, verdict] of cases) {
      const r = read(scan({ scanStatus }, {}, { scanResultStatus: resultStatus }));
      assert.equal(r.verdict, verdict, `${scanStatus}/${resultStatus}`);
      assert.equal(r.resultStatus, resultStatus ?? "");
    }
    assert.equal(read(scan({ scanStatus: "SKIPPED" }, {}, null)).resultStatus, "");
  });

  it("threats: each name, 'unknown' for an unnamed one or none; no findings unless malicious", () => {
    assert.deepEqual(read(scan({}, {}, { scanResultStatus: "THREATS_FOUND", threats: [{ name: "EICAR-Test-File" }, { name: "" }, {}] })).findings, [{ malware: "EICAR-Test-File" }, { malware: "unknown" }, { malware: "unknown" }]);
    assert.deepEqual(read(scan({}, {}, { scanResultStatus: "THREATS_FOUND", threats: null })).findings, [{ malware: "unknown" }]);
    assert.deepEqual(read(scan({}, {}, { scanResultStatus: "THREATS_FOUND", threats: [] })).findings, [{ malware: "unknown" }]);
    assert.deepEqual(read(scan({}, {}, { threats: [{ name: "X" }] })).findings, []);
    refused(scan({}, {}, { threats: { name: "X" } }), "threats is not a list");
  });

  it("refuses other resources, bad statuses and bad objects, saying why", () => {
    refused(scan({ resourceType: "EBS_VOLUME" }), 'detail.resourceType is "EBS_VOLUME", not S3_OBJECT');
    refused(scan({ scanStatus: undefined }), "detail.scanStatus is missing");
    refused(scan({ scanStatus: "completed" }), 'detail.scanStatus is not a scan status: "completed"');
    refused(scan({ scanStatus: "COMPLETEDx" }), /scanStatus is not a scan status/);
    refused(scan({ scanStatus: "xCOMPLETED" }), /scanStatus is not a scan status/);
    refused(scan({}, {}, { scanResultStatus: undefined }), "detail.scanResultDetails.scanResultStatus is missing");
    refused(scan({}, {}, { scanResultStatus: "no threats" }), 'detail.scanResultDetails.scanResultStatus is not a result status: "no threats"');
    refused(scan({}, {}, { scanResultStatus: "NO_THREATS_FOUNDx" }), /scanResultStatus is not a result status/);
    refused(scan({}, {}, { scanResultStatus: "xNO_THREATS_FOUND" }), /scanResultStatus is not a result status/);
    refused(scan({ s3ObjectDetails: "x" }), "detail.s3ObjectDetails is missing");
    refused(scan({}, { bucketName: "Bad" }), 'detail.s3ObjectDetails.bucketName is not a bucket name ("Bad")');
    refused(scan({}, { objectKey: "" }), "detail.s3ObjectDetails.objectKey is empty, missing or over 1024 bytes");
    refused(envelope({ "detail-type": "GuardDuty Finding" }), /expected "GuardDuty Malware Protection Object Scan Result" from aws\.guardduty/);
  });
});

describe("Inspector findings: shapes and enumerations", () => {
  const finding = (extra: Record<string, unknown> = {}, resource: Record<string, unknown> = {}) => ({
    findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/abc123",
    awsAccountId: "111122223333",
    type: "PACKAGE_VULNERABILITY",
    severity: "HIGH",
    status: "ACTIVE",
    resources: [{ type: "AWS_ECR_CONTAINER_IMAGE", id: "arn:aws:ecr:us-east-1:111122223333:repository/r/sha256:abc", region: "us-east-1", ...resource }],
    ...extra,
  });
  const read = (d: unknown) => {
    const r = parseInspectorFinding(d);
    if (!r.ok) assert.fail(r.reason);
    return r.value;
  };
  const refused = (d: unknown, reason: RegExp) => {
    const r = parseInspectorFinding(d);
    assert.equal(r.ok, false, "accepted");
    if (!r.ok) assert.match(r.reason, reason);
  };

  it("a finding on another resource type has only the fields given", () => {
    assert.deepEqual(read(finding()), { findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/abc123", accountId: "111122223333", region: "us-east-1", type: "PACKAGE_VULNERABILITY", severity: "HIGH", status: "ACTIVE", resourceType: "AWS_ECR_CONTAINER_IMAGE", packages: [] });
    const full = read(finding({ title: "t".repeat(600), updatedAt: `2024-05-01T10:00:00.000Z${"x".repeat(60)}`, fixAvailable: "PARTIAL", exploitAvailable: "NO", inspectorScore: 0, packageVulnerabilityDetails: { vulnerabilityId: "GHSA-xxxx-yyyy", vulnerablePackages: [{ name: "n".repeat(300), version: "v".repeat(300) }, { version: "1" }] } }));
    assert.equal(full.title, "t".repeat(512));
    assert.equal(full.updatedAt, `2024-05-01T10:00:00.000Z${"x".repeat(40)}`);
    assert.deepEqual([full.fixAvailable, full.exploitAvailable, full.inspectorScore, full.vulnerabilityId], ["PARTIAL", "NO", 0, "GHSA-xxxx-yyyy"]);
    assert.deepEqual(full.packages, [{ name: "n".repeat(256), version: "v".repeat(256) }]);
    assert.equal("instanceId" in full || "platform" in full, false);
    const many = read(finding({ packageVulnerabilityDetails: { vulnerablePackages: Array.from({ length: 150 }, (_, i) => ({ name: `p${i}` })) } }));
    assert.equal(many.packages.length, 100);
  });

  it("an EC2 instance: its id and platform", () => {
    const r = read(finding({}, { type: "AWS_EC2_INSTANCE", id: "i-0123456789abcdef0", details: { awsEc2Instance: { platform: "AMAZON_LINUX_2023" } } }));
    assert.deepEqual([r.instanceId, r.platform], ["i-0123456789abcdef0", "AMAZON_LINUX_2023"]);
    assert.equal("platform" in read(finding({}, { type: "AWS_EC2_INSTANCE", id: "i-0123456789abcdef0" })), false);
    refused(finding({}, { type: "AWS_EC2_INSTANCE", id: "arn:aws:ec2:x" }), /finding\.resources\[0\]\.id is not an instance id: "arn:aws:ec2:x"/);
    refused(finding({}, { type: "AWS_EC2_INSTANCE", id: "i-0123456789abcdef0", details: { awsEc2Instance: { platform: "amazon linux" } } }), /awsEc2Instance\.platform is not a platform name/);
    refused(finding({}, { type: "AWS_EC2_INSTANCE", id: "i-0123456789abcdef0", details: { awsEc2Instance: { platform: "xLINUX" } } }), /platform/);
    refused(finding({}, { type: "AWS_EC2_INSTANCE", id: "i-0123456789abcdef0", details: { awsEc2Instance: { platform: "LINUXx" } } }), /platform/);
  });

  it("enumerations are whole values, never a matching prefix or suffix", () => {
    for (const [k, v] of [["type", "xPACKAGE"], ["type", "PACKAGEx"], ["status", "xACTIVE"], ["status", "ACTIVEx"], ["fixAvailable", "YESS"], ["fixAvailable", "XNO"], ["exploitAvailable", "NOPE"], ["exploitAvailable", "xYES"], ["severity", "high"]] as const) {
      refused(finding({ [k]: v }), new RegExp(`^not an Inspector finding: finding\\.${k} is not`));
    }
    refused(finding({}, { type: "AWS_EC2x_instance" }), /finding\.resources\[0\]\.type is not a resource type/);
    refused(finding({}, { type: "xAWS_EC2" }), /resources\[0\]\.type/);
    refused(finding({}, { type: undefined }), /finding\.resources\[0\]\.type is missing/);
    refused(finding({ resources: [] }), /finding\.resources is missing or empty/);
    refused(finding({ packageVulnerabilityDetails: { vulnerabilityId: "CVE 1" } }), /finding\.packageVulnerabilityDetails\.vulnerabilityId is not a vulnerability id/);
    refused("x", /^Inspector finding is not an object \("x"\)/);
    for (const s of ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL", "UNTRIAGED"]) assert.equal(read(finding({ severity: s })).severity, s);
  });

  it("severity ranks: UNTRIAGED never meets a minimum; INFORMATIONAL meets only INFORMATIONAL", () => {
    assert.equal(meetsSeverity("INFORMATIONAL", "INFORMATIONAL"), true);
    assert.equal(meetsSeverity("INFORMATIONAL", "LOW"), false);
    assert.equal(meetsSeverity("UNTRIAGED", "INFORMATIONAL"), false);
    assert.equal(meetsSeverity("CRITICAL", "CRITICAL"), true);
    assert.equal(meetsSeverity("HIGH", "CRITICAL"), false);
  });
});

describe("Deep Security events: types, ids, change kinds, reasons", () => {
  const one = (event: Record<string, unknown>) => parseDeepSecurityMessage(JSON.stringify([event]));
  const event = (r: ReturnType<typeof one>): DeepSecurityEvent => {
    if (!r.ok) assert.fail(r.reason);
    assert.deepEqual(r.value.rejected, []);
    return r.value.events[0];
  };
  const rejection = (r: ReturnType<typeof one>) => (r.ok ? r.value.rejected[0]?.reason : r.reason);

  it("reads only the fields given, numbers in range, integrity change kinds by number or name", () => {
    assert.deepEqual(event(one({ EventType: "IntegrityEvent", EventID: "42", Severity: 3, Key: "C:\\x", Change: 2 })), { eventType: "IntegrityEvent", eventId: "42", severity: 3, key: "C:\\x", change: "Updated" });
    assert.equal(event(one({ EventType: "IntegrityEvent", Change: "Renamed" })).change, "Renamed");
    assert.equal(event(one({ EventType: "IntegrityEvent", Change: "999" })).change, "999");
    assert.deepEqual(event(one({ EventType: "WebReputationEvent", Risk: 10, TargetIP: "::FFFF:1.2.3.4", URL: "http://x" })), { eventType: "WebReputationEvent", risk: 10, targetIp: "1.2.3.4", url: "http://x" });
    assert.deepEqual(event(one({ EventType: "LogInspectionEvent", OSSEC_Level: 16, OSSEC_Description: "d" })), { eventType: "LogInspectionEvent", ossecLevel: 16, ossecDescription: "d" });
    assert.deepEqual(event(one({ EventType: "PacketLog", Action: 255, ActionString: "Detect-Only: Deny", HostID: 9341, TenantID: 0, TenantName: "T" })), { eventType: "PacketLog", action: 255, actionString: "Detect-Only: Deny", hostId: 9341, tenantId: 0, tenantName: "T" });
  });

  it("refuses an event with a bad field, naming its type, id and every reason", () => {
    assert.equal(rejection(one({ EventType: "Packet Log", EventID: 7 })), 'Packet Log 7: EventType is not a type name: "Packet Log"');
    assert.equal(rejection(one({ EventType: "xPacketLog1" })), 'xPacketLog1: EventType is not a type name: "xPacketLog1"');
    assert.equal(rejection(one({ EventType: "x".repeat(65) })), `${"x".repeat(65)}: EventType is not a type name: "${"x".repeat(40)}…"`);
    assert.equal(rejection(one({ EventID: 7 })), "event 7: EventType is missing or not a string (undefined)");
    assert.equal(rejection(one({ EventType: "IntegrityEvent", Change: "Up-dated" })), 'IntegrityEvent: Change is not a change kind: "Up-dated"');
    assert.equal(rejection(one({ EventType: "IntegrityEvent", Change: 1234 })), 'IntegrityEvent: Change is not a change kind: "1234"');
    assert.equal(rejection(one({ EventType: "IntegrityEvent", Change: "x".repeat(33) })), `IntegrityEvent: Change is not a change kind: "${"x".repeat(33)}"`);
    assert.equal(rejection(one({ EventType: "IntegrityEvent", Change: "Updated2" })), 'IntegrityEvent: Change is not a change kind: "Updated2"');
    assert.equal(rejection(one({ EventType: "PacketLog", EventID: "12a" })), 'PacketLog: EventID is not an event id: "12a"');
    assert.equal(rejection(one({ EventType: "PacketLog", EventID: "a12" })), 'PacketLog: EventID is not an event id: "a12"');
    assert.equal(rejection(one({ EventType: "PacketLog", Action: 256 })), "PacketLog: Action is not an integer in [0, 255]: 256");
    assert.equal(rejection(one({ EventType: "PacketLog", Action: 1.5 })), "PacketLog: Action is not an integer in [0, 255]: 1.5");
    assert.equal(rejection(one({ EventType: "WebReputationEvent", Risk: 2.5 })), "WebReputationEvent: Risk is not an integer in [0, 10]: 2.5");
    assert.equal(rejection(one({ EventType: "LogInspectionEvent", OSSEC_Level: 7.5 })), "LogInspectionEvent: OSSEC_Level is not an integer in [0, 16]: 7.5");
    assert.equal(rejection(one({ EventType: "LogInspectionEvent", OSSEC_Level: 17 })), "LogInspectionEvent: OSSEC_Level is not an integer in [0, 16]: 17");
    assert.equal(rejection(one({ EventType: "PacketLog", HostID: -1, TenantID: "x" })), 'PacketLog: HostID is not an integer in [0, 9007199254740991]: -1; TenantID is not an integer in [0, 9007199254740991]: "x"');
    assert.deepEqual(parseDeepSecurityMessage("7"), { ok: false, reason: "Deep Security message is not a JSON array of events (got 7)" });
    assert.deepEqual(parseDeepSecurityMessage("{"), { ok: false, reason: "Deep Security message: message is not JSON (syntax error)" });
  });

  it("an event is from an AWS host only with both a valid account and a valid instance id", () => {
    const base = { eventType: "PacketLog" } as DeepSecurityEvent;
    assert.equal(isAwsHostEvent({ ...base, hostOwnerId: "111122223333", hostInstanceId: "i-0bbafc95" }), true);
    assert.equal(isAwsHostEvent({ ...base, hostInstanceId: "i-0bbafc95" }), false);
    assert.equal(isAwsHostEvent({ ...base, hostOwnerId: "111122223333" }), false);
    assert.equal(isAwsHostEvent({ ...base, hostOwnerId: "1111", hostInstanceId: "i-0bbafc95" }), false);
    assert.equal(isAwsHostEvent({ ...base, hostOwnerId: "111122223333", hostInstanceId: "i-xyz" }), false);
    assert.equal(isAwsHostEvent({ ...base, hostOwnerId: 111122223333 as unknown as string, hostInstanceId: "i-0bbafc95" }), false);
  });
});

describe("field readers", () => {
  it("describe: what a refused value was, bounded", () => {
    assert.deepEqual([null, [1], "a", "x".repeat(40), "x".repeat(41), 5, true, undefined, {}].map(describeValue), ["null", "an array", '"a"', JSON.stringify("x".repeat(40)), `"${"x".repeat(40)}…"`, "5", "true", "undefined", "object"]);
    assert.equal(isObject([]), false);
    assert.equal(isObject(null), false);
    assert.equal(isObject({}), true);
  });

  it("toNumber: numbers and plain decimal strings of at most 32 characters", () => {
    assert.deepEqual(["7", " -7 ", "1.25", "007", "1.", ".5", "1e3", "0x10", "1.2.3", "", "--1", `${"1".repeat(32)}`, `${"1".repeat(33)}`, "1 2"].map(toNumber), [7, -7, 1.25, 7, undefined, undefined, undefined, undefined, undefined, undefined, undefined, Number("1".repeat(32)), undefined, undefined]);
    assert.deepEqual([3, NaN, Infinity, null, true].map(toNumber), [3, undefined, undefined, undefined, undefined]);
  });

  it("FieldReader: absent is undefined, null or empty; wrong types are errors with the field's full name", () => {
    const r = new FieldReader({ a: "", b: null, c: 5, d: "x", e: 123456789012, f: 1.5, g: "2024-05-01T10:00:00Z", h: "x".repeat(41), i: "10.0.0.1", j: 7 }, "rec");
    assert.deepEqual([r.text("a"), r.text("b"), r.text("c"), r.text("d")], [undefined, undefined, undefined, "x"]);
    assert.equal(r.requiredText("a"), undefined);
    assert.equal(r.matching("e", /^\d{12}$/, "an account"), "123456789012", "safe integers are read as their digits");
    assert.equal(r.matching("f", /^\d+$/, "digits"), undefined);
    assert.equal(r.number("b", { min: 0, max: 1, required: true }), undefined);
    assert.equal(r.number("f", { min: 0, max: 2 }), 1.5);
    assert.equal(r.timestamp("g"), "2024-05-01T10:00:00Z");
    assert.equal(r.timestamp("h"), undefined);
    assert.equal(r.timestamp("c"), undefined);
    assert.equal(r.ip("i"), "10.0.0.1");
    assert.equal(r.ip("j"), undefined);
    assert.equal(r.ip("a"), undefined);
    assert.deepEqual(r.errors, ["rec.a is missing or not a string (undefined)", 'rec.f is not digits: 1.5', "rec.b is missing", "rec.j is not an IP address: 7"]);
    const top = new FieldReader({ n: "x" });
    top.number("n", { min: 0, max: 1 });
    assert.deepEqual(top.errors, ['n is not a number in [0, 1]: "x"']);
    const stamp = new FieldReader({ t: "Wednesday, 01 May 2024 10:00:00 GMT+0000", u: "2024-05-01T10:00:00.000000000000000+00:00" });
    assert.equal(stamp.timestamp("t"), "Wednesday, 01 May 2024 10:00:00 GMT+0000", "40 characters");
    assert.equal(stamp.timestamp("u"), undefined, "41 characters");
  });

  it("bucket names and object keys at their documented limits", () => {
    assert.deepEqual(["abc", "a".repeat(63), "ab", "a".repeat(64), "1.2.3.4", "a1.2.3.4", "xn--abc", "axn--bc", "b-s3alias", "b-s3aliasx", 5].map(isValidBucketName), [true, true, false, false, false, true, false, true, false, true, false]);
    assert.deepEqual(["k", "", "é".repeat(512), "é".repeat(513), "k".repeat(1024), "k".repeat(1025), "\ud800", 5].map(isValidObjectKey), [true, false, true, false, true, false, false, false]);
  });

  it("JSON texts: strings of at most 1 MiB; too deep nesting said as such", () => {
    assert.deepEqual(parseJsonText(`"${"x".repeat(1024 * 1024 - 2)}"`), { value: "x".repeat(1024 * 1024 - 2) });
    assert.deepEqual(parseJsonText(`"${"x".repeat(1024 * 1024 - 1)}"`), { error: "message of 1048577 characters exceeds 1048576" });
    assert.deepEqual(parseJsonText(5), { error: "expected a JSON string, got 5" });
    assert.deepEqual(parseJsonText("[".repeat(200_000) + "]".repeat(200_000)).constructor, Object);
  });
});
