import { strict as assert } from "node:assert";
import {
  isAwsHostEvent,
  parseDeepSecurityMessage,
  parseEc2StateChange,
  parseEventBridgeEnvelope,
  parseFileStorageScanResult,
  parseGuardDutyEvent,
  parseGuardDutyFinding,
  parseMalwareProtectionEvent,
  parseS3Notification,
  parseSnsEvent,
  type ParseResult,
} from "../../../components/shared/events";
import { fixture, fixtureText, snsEvent } from "./fixtures";

function accepted<T>(r: ParseResult<T>): T {
  if (!r.ok) assert.fail(`rejected: ${r.reason}`);
  return r.value;
}

function rejected<T>(r: ParseResult<T>, pattern: RegExp): void {
  assert.equal(r.ok, false, "expected a rejection");
  if (!r.ok) assert.match(r.reason, pattern);
}

describe("shared event parsers: samples", () => {
  describe("SNS", () => {
    it("reads the SNS→Lambda record and keeps the message as a string", () => {
      const [record, ...rest] = accepted(parseSnsEvent(fixture("sns-deep-security-event.json")));
      assert.equal(rest.length, 0);
      assert.equal(record.topicArn, "arn:aws:sns:us-east-1:111122223333:ds-events");
      assert.equal(record.messageId, "95df01b4-ee98-5cb9-9903-4c221d41eb5e");
      assert.equal(record.subject, undefined);
      assert.equal(typeof record.message, "string");
      assert.equal(record.timestamp, "2026-11-22T23:07:01.123Z");
    });

    it("rejects records without Sns, a bad topic ARN or a non-string message", () => {
      rejected(parseSnsEvent({ Records: [] }), /Records is missing or empty/);
      rejected(parseSnsEvent({ Records: [{ body: "x" }] }), /Sns is missing/);
      const e = fixture("sns-deep-security-event.json");
      e.Records[0].Sns.TopicArn = "arn:aws:sqs:us-east-1:111122223333:q";
      rejected(parseSnsEvent(e), /TopicArn is not an SNS topic ARN/);
      const f = fixture("sns-deep-security-event.json");
      f.Records[0].Sns.Message = { nested: true };
      rejected(parseSnsEvent(f), /Message is not a string/);
    });
  });

  describe("EventBridge envelope", () => {
    it("maps the envelope fields", () => {
      const env = accepted(parseEventBridgeEnvelope(fixture("ec2-state-change-running.json")));
      assert.equal(env.detailType, "EC2 Instance State-change Notification");
      assert.equal(env.source, "aws.ec2");
      assert.equal(env.account, "111122223333");
      assert.equal(env.region, "us-east-1");
      assert.deepEqual(env.resources, ["arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0"]);
    });

    it("refuses a bad account, Region or detail", () => {
      const e = fixture("ec2-state-change-running.json");
      e.account = "11112222333";
      rejected(parseEventBridgeEnvelope(e), /account is not a 12-digit account id/);
      const f = fixture("ec2-state-change-running.json");
      f.region = "us-east-1; rm -rf /";
      rejected(parseEventBridgeEnvelope(f), /region is not an AWS Region/);
      const g = fixture("ec2-state-change-running.json");
      g.detail = "running";
      rejected(parseEventBridgeEnvelope(g), /detail is missing or not an object/);
    });
  });

  describe("Deep Security", () => {
    it("reads the documented firewall sample", () => {
      const { events, rejected: bad } = accepted(parseDeepSecurityMessage(fixtureText("deep-security-packetlog.json")));
      assert.deepEqual(bad, []);
      assert.equal(events.length, 1);
      const e = events[0];
      assert.equal(e.eventType, "PacketLog");
      assert.equal(e.eventId, "838236");
      assert.equal(e.action, 6);
      assert.equal(e.destinationIp, "96.17.87.177");
      assert.equal(e.destinationPort, 443);
      assert.equal(e.sourceIp, "172.31.54.167");
      assert.equal(e.sourcePort, 36248);
      assert.equal(e.hostInstanceId, "i-0bbafc95");
      assert.equal(e.hostOwnerId, undefined);
      assert.equal(e.tenantId, 4235);
      assert.equal(e.repeatCount, 1);
      assert.equal(e.logDate, "2016-08-04T01:07:17.080Z");
      // No HostOwnerID in the trimmed sample: not an event to act on in AWS.
      assert.equal(isAwsHostEvent(e), false);
    });

    it("reads every event type of a mixed message, numbers given as strings, and spots the non-AWS host", () => {
      const { events, rejected: bad } = accepted(parseDeepSecurityMessage(fixtureText("deep-security-multi.json")));
      assert.deepEqual(bad, []);
      assert.deepEqual(
        events.map((e) => e.eventType),
        ["PayloadLog", "PacketLog", "IntegrityEvent", "AntiMalwareEvent", "WebReputationEvent", "LogInspectionEvent", "AppControlEvent", "SystemEvent"],
      );
      const [ips, fw, integrity, am, wrs, li, , system] = events;
      assert.equal(ips.severity, 3);
      assert.equal(ips.action, 2);
      assert.equal(ips.reason, "1008610 - Apache Struts2 RCE");
      assert.equal(fw.repeatCount, 12);
      assert.equal(integrity.severity, 3, "Severity sent as a string is read as a number");
      assert.equal(integrity.change, "Updated", "numeric Change code is named");
      assert.equal(integrity.key, "/etc/passwd");
      assert.equal(am.malwareName, "Eicar_test_file");
      assert.equal(am.infectedFilePath, "/tmp/eicar.com");
      assert.equal(wrs.risk, 4);
      assert.equal(wrs.targetIp, "192.0.2.44");
      assert.equal(wrs.url, "http://malicious.example/payload");
      assert.equal(li.ossecLevel, 10);
      assert.equal(li.ossecDescription, "Multiple authentication failures");
      assert.ok(events.slice(0, 7).every(isAwsHostEvent));
      assert.equal(isAwsHostEvent(system), false);
      assert.equal(system.hostname, "dc01.corp.example");
    });

    it("rejects a bad event with its index and keeps the others", () => {
      const events = fixture<any[]>("deep-security-multi.json");
      events[1].SourceIP = "999.1.1.1";
      events[2].HostInstanceID = "i-XYZ";
      events[3].HostOwnerID = "1234";
      events[4].DestinationPort = 70000;
      events[5] = "not an object";
      const r = accepted(parseDeepSecurityMessage(JSON.stringify(events)));
      assert.deepEqual(r.rejected.map((x) => x.index), [1, 2, 3, 4, 5]);
      assert.match(r.rejected[0].reason, /SourceIP is not an IP address/);
      assert.match(r.rejected[1].reason, /HostInstanceID is not an instance id/);
      assert.match(r.rejected[2].reason, /HostOwnerID is not a 12-digit account id/);
      // A WebReputationEvent has no DestinationPort to act on, but a present invalid one is still refused.
      assert.match(r.rejected[3].reason, /DestinationPort is not an integer in \[0, 65535\]/);
      assert.match(r.rejected[4].reason, /not an object/);
      assert.deepEqual(r.events.map((e) => e.eventType), ["PayloadLog", "AppControlEvent", "SystemEvent"]);
    });

    it("reads the events of an SNS delivery end to end", () => {
      const [record] = accepted(parseSnsEvent(snsEvent(fixtureText("deep-security-packetlog.json"))));
      assert.equal(accepted(parseDeepSecurityMessage(record.message)).events[0].eventId, "838236");
    });

    it("refuses out-of-range numbers and accepts numeric strings", () => {
      const bad = accepted(parseDeepSecurityMessage(JSON.stringify([{ EventType: "PayloadLog", Severity: 99 }, { EventType: "PacketLog", RepeatCount: -1 }, { EventType: "PacketLog", RepeatCount: "5", SourcePort: "443" }])));
      assert.deepEqual(bad.rejected.map((r) => r.index), [0, 1]);
      assert.match(bad.rejected[0].reason, /Severity is not an integer in \[0, 10\]/);
      assert.deepEqual([bad.events[0].repeatCount, bad.events[0].sourcePort], [5, 443]);
    });

    it("canonicalises IPs and accepts one object instead of an array", () => {
      const r = accepted(parseDeepSecurityMessage(JSON.stringify({ EventType: "PacketLog", SourceIP: "2001:DB8:0:0::1", DestinationIP: "::ffff:10.0.0.1" })));
      assert.equal(r.events[0].sourceIp, "2001:db8::1");
      assert.equal(r.events[0].destinationIp, "10.0.0.1");
    });

    it("rejects what is not a message", () => {
      rejected(parseDeepSecurityMessage("{"), /not JSON/);
      rejected(parseDeepSecurityMessage("42"), /not a JSON array/);
      rejected(parseDeepSecurityMessage(null as unknown as string), /expected a JSON string/);
      rejected(parseDeepSecurityMessage("[" + " ".repeat(2 * 1024 * 1024) + "]"), /exceeds/);
    });
  });

  describe("File Storage Security", () => {
    it("reads the documented malicious sample", () => {
      const r = accepted(parseFileStorageScanResult(fixtureText("fss-malicious.json")));
      assert.equal(r.bucket, "filestoragesecurity-scanning-bucket-gw6i2g");
      assert.equal(r.key, "eicar.com");
      assert.equal(r.verdict, "malicious");
      assert.deepEqual(r.findings, [{ malware: "Eicar_test_file", type: "Virus" }]);
      assert.equal(r.scannerStatus, 0);
      assert.equal(r.scannedAt, new Date(1600424846740).toISOString());
      assert.equal(r.partial, false);
      assert.equal(r.source, "file-storage-security");
    });

    it("decodes the key and reads the newer fields", () => {
      const r = accepted(parseFileStorageScanResult(fixtureText("fss-clean-newer-fields.json")));
      assert.equal(r.bucket, "uploads-prod");
      assert.equal(r.key, "reports/Q3 summary+été.pdf");
      assert.equal(r.region, "eu-west-1");
      assert.equal(r.etag, '"9b2cf535f27731c974343645a3985328"');
      assert.equal(r.verdict, "clean");
      assert.deepEqual(r.findings, []);
    });

    it("reads path-style URLs, partial scans and scanner errors", () => {
      const partial = accepted(parseFileStorageScanResult(fixtureText("fss-partial.json")));
      assert.equal(partial.bucket, "archive.bucket.example");
      assert.equal(partial.key, "nested/big.zip");
      assert.equal(partial.region, "us-east-2");
      assert.equal(partial.partial, true);
      assert.equal(partial.verdict, "unsupported", "a partial scan is never clean");
      const failed = accepted(parseFileStorageScanResult(fixtureText("fss-scanner-error.json")));
      assert.equal(failed.verdict, "failed");
      assert.equal(failed.scannerStatus, -3);
    });

    it("reads the Vision One variant", () => {
      const r = accepted(parseFileStorageScanResult(fixtureText("fss-vision-one.json")));
      assert.equal(r.key, "in/invoice 2024.docm");
      assert.equal(r.verdict, "malicious");
      assert.deepEqual(r.findings, [{ malware: "Trojan.W97M.POWLOAD.TIOIBEJY" }]);
      const clean = fixture("fss-vision-one.json");
      clean.scanResult = 0;
      clean.foundMalwares = [];
      assert.equal(accepted(parseFileStorageScanResult(JSON.stringify(clean))).verdict, "clean");
      clean.scanResult = 2;
      assert.equal(accepted(parseFileStorageScanResult(JSON.stringify(clean))).verdict, "failed");
    });

    it("rejects foreign URLs, bad bucket names, disagreeing fields and overlong keys", () => {
      const e = fixture("fss-malicious.json");
      e.file_url = "https://evil.example.com/eicar.com";
      rejected(parseFileStorageScanResult(JSON.stringify(e)), /not an S3 object URL/);
      e.file_url = "https://Bad_Bucket.s3.amazonaws.com/x";
      rejected(parseFileStorageScanResult(JSON.stringify(e)), /no valid bucket name/);
      const f = fixture("fss-clean-newer-fields.json");
      f.bucket = "other-bucket";
      rejected(parseFileStorageScanResult(JSON.stringify(f)), /disagrees/);
      const g = fixture("fss-malicious.json");
      g.file_url = `https://b-1.s3.amazonaws.com/${"é".repeat(600)}`;
      rejected(parseFileStorageScanResult(JSON.stringify(g)), /no valid object key/);
      const h = fixture("fss-malicious.json");
      delete h.scanning_result;
      rejected(parseFileStorageScanResult(JSON.stringify(h)), /not a scan result/);
    });
  });

  describe("GuardDuty Malware Protection for S3", () => {
    const cases: Array<[string, string, string, string]> = [
      ["malware-protection-threats-found.json", "malicious", "COMPLETED", "THREATS_FOUND"],
      ["malware-protection-no-threats.json", "clean", "COMPLETED", "NO_THREATS_FOUND"],
      ["malware-protection-unsupported.json", "unsupported", "COMPLETED", "UNSUPPORTED"],
      ["malware-protection-access-denied.json", "failed", "COMPLETED", "ACCESS_DENIED"],
      ["malware-protection-failed.json", "failed", "FAILED", "FAILED"],
      ["malware-protection-skipped.json", "unsupported", "SKIPPED", "UNSUPPORTED"],
    ];
    for (const [file, verdict, scanStatus, resultStatus] of cases) {
      it(`${scanStatus}/${resultStatus} is ${verdict}`, () => {
        const r = accepted(parseMalwareProtectionEvent(fixture(file)));
        assert.equal(r.verdict, verdict);
        assert.equal(r.scanStatus, scanStatus);
        assert.equal(r.resultStatus, resultStatus);
        assert.equal(r.bucket, "uploads-prod");
        assert.equal(r.key, "uploads/invoice 2024.pdf");
        assert.equal(r.versionId, "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assert.equal(r.accountId, "111122223333");
        assert.equal(r.region, "us-east-1");
        assert.equal(r.source, "guardduty-malware-protection");
        assert.deepEqual(r.findings, verdict === "malicious" ? [{ malware: "EICAR-Test-File" }] : []);
      });
    }

    it("rejects other event types and bad objects", () => {
      rejected(parseMalwareProtectionEvent(fixture("guardduty-dns-request.json")), /expected "GuardDuty Malware Protection Object Scan Result"/);
      const e = fixture("malware-protection-no-threats.json");
      e.detail.s3ObjectDetails.objectKey = "";
      rejected(parseMalwareProtectionEvent(e), /objectKey is empty/);
      const f = fixture("malware-protection-no-threats.json");
      f.detail.s3ObjectDetails.bucketName = "..";
      rejected(parseMalwareProtectionEvent(f), /not a bucket name/);
      const g = fixture("malware-protection-no-threats.json");
      delete g.detail.scanResultDetails;
      rejected(parseMalwareProtectionEvent(g), /scanResultStatus is missing/);
    });

    it("a THREATS_FOUND without names is still malicious", () => {
      const e = fixture("malware-protection-threats-found.json");
      e.detail.scanResultDetails.threats = null;
      const r = accepted(parseMalwareProtectionEvent(e));
      assert.equal(r.verdict, "malicious");
      assert.equal(r.findings.length, 1);
    });
  });

  describe("GuardDuty findings", () => {
    it("NETWORK_CONNECTION: instance, ENIs and the remote IP", () => {
      const f = accepted(parseGuardDutyEvent(fixture("guardduty-network-connection.json")));
      assert.equal(f.type, "Backdoor:EC2/C&CActivity.B");
      assert.equal(f.threatPurpose, "Backdoor");
      assert.equal(f.resourceKind, "EC2");
      assert.equal(f.severity, 8);
      assert.equal(f.severityLabel, "high");
      assert.equal(f.accountId, "444455556666");
      assert.equal(f.resourceType, "Instance");
      assert.equal(f.instanceId, "i-0123456789abcdef0");
      assert.deepEqual(f.networkInterfaceIds, ["eni-0a1b2c3d4e5f60718"]);
      assert.equal(f.actionType, "NETWORK_CONNECTION");
      assert.deepEqual(f.remoteIps, ["198.51.100.23"]);
    });

    it("flags sample findings", () => {
      const e = fixture("guardduty-network-connection.json");
      assert.equal(accepted(parseGuardDutyEvent(e)).sample, false);
      e.detail.service.additionalInfo = { sample: true, type: "default", value: "{}" };
      assert.equal(accepted(parseGuardDutyEvent(e)).sample, true);
    });

    it("PORT_PROBE: every probing IP, once", () => {
      const f = accepted(parseGuardDutyEvent(fixture("guardduty-port-probe.json")));
      assert.equal(f.severityLabel, "medium");
      assert.deepEqual(f.remoteIps, ["203.0.113.9", "198.51.100.77"]);
    });

    it("AWS_API_CALL: the access key and caller IP", () => {
      const f = accepted(parseGuardDutyEvent(fixture("guardduty-aws-api-call.json")));
      assert.equal(f.resourceKind, "IAMUser");
      assert.deepEqual(f.accessKey, { accessKeyId: "ASIAEXAMPLE1234567890", principalId: "AROAEXAMPLE:i-0123456789abcdef0", userType: "AssumedRole", userName: "web-role" });
      assert.deepEqual(f.remoteIps, ["192.0.2.200"]);
      assert.equal(f.instanceId, undefined);
    });

    it("DNS_REQUEST: the domain, no IP", () => {
      const f = accepted(parseGuardDutyEvent(fixture("guardduty-dns-request.json")));
      assert.equal(f.type, "CryptoCurrency:EC2/BitcoinTool.B!DNS");
      assert.equal(f.domain, "pool.minexmr.example");
      assert.deepEqual(f.remoteIps, []);
    });

    it("S3 findings: bucket names and an IPv6 caller in canonical form", () => {
      const f = accepted(parseGuardDutyEvent(fixture("guardduty-s3-api-call.json")));
      assert.equal(f.resourceKind, "S3");
      assert.equal(f.severityLabel, "low");
      assert.deepEqual(f.bucketNames, ["uploads-prod"]);
      assert.deepEqual(f.remoteIps, ["2001:db8::7"]);
    });

    it("labels severities at the documented boundaries", () => {
      const detail = fixture("guardduty-dns-request.json").detail;
      for (const [severity, label] of [[1, "low"], [3.9, "low"], [4, "medium"], [6.9, "medium"], [7, "high"], [8.9, "high"], [9, "critical"], [10, "critical"]] as const) {
        assert.equal(accepted(parseGuardDutyFinding({ ...detail, severity })).severityLabel, label);
      }
      assert.equal(accepted(parseGuardDutyFinding({ ...detail, severity: "7.5" })).severity, 7.5);
    });

    it("rejects bad severities, ids and IPs", () => {
      const detail = fixture("guardduty-port-probe.json").detail;
      for (const severity of [11, -1, "high", null, Number.NaN]) rejected(parseGuardDutyFinding({ ...detail, severity }), /severity/);
      rejected(parseGuardDutyFinding({ ...detail, type: "no type" }), /type is not a finding type/);
      rejected(parseGuardDutyFinding({ ...detail, accountId: "4444" }), /accountId/);
      const d = fixture("guardduty-port-probe.json").detail;
      d.service.action.portProbeAction.portProbeDetails[1].remoteIpDetails.ipAddressV4 = "203.0.113.300";
      rejected(parseGuardDutyFinding(d), /portProbeDetails\[\]\.remoteIpDetails\.ipAddressV4 is not an IP address/);
      const n = fixture("guardduty-network-connection.json").detail;
      n.resource.instanceDetails.instanceId = "i-0123/../../x";
      rejected(parseGuardDutyFinding(n), /instanceId is not an instance id/);
      rejected(parseGuardDutyEvent(fixture("ec2-state-change-running.json")), /expected "GuardDuty Finding"/);
    });
  });

  describe("S3 event notifications", () => {
    const expected = [
      { bucket: "uploads-prod", key: "reports/Q3 summary+été.pdf", eventName: "ObjectCreated:Put" },
      { bucket: "uploads-prod", key: "logs/a/b.txt", eventName: "ObjectCreated:CompleteMultipartUpload" },
    ];
    for (const file of ["s3-notification.json", "s3-notification-via-sns.json", "s3-notification-via-sqs.json", "s3-notification-via-sns-sqs.json"]) {
      it(`decodes keys ('+' is a space) from ${file}`, () => {
        const r = accepted(parseS3Notification(fixture(file)));
        assert.deepEqual(r.rejected, []);
        assert.deepEqual(r.records.map(({ bucket, key, eventName }) => ({ bucket, key, eventName })), expected);
        assert.equal(r.records[0].size, 1024);
        assert.equal(r.records[0].versionId, "096fKKXTRTtl3on89fVO.nfljtsv6qko");
        assert.equal(r.records[0].region, "us-east-1");
        assert.equal(r.records[0].sequencer, "0055AED6DCD90281E5");
      });
    }

    it("reads EventBridge object events (keys not encoded there)", () => {
      const r = accepted(parseS3Notification(fixture("s3-eventbridge-object-created.json")));
      assert.deepEqual(r.records[0], {
        bucket: "uploads-prod", key: "reports/Q3 summary+été.pdf", eventName: "Object Created", region: "us-east-1", size: 1024,
        versionId: "096fKKXTRTtl3on89fVO.nfljtsv6qko", eTag: "d41d8cd98f00b204e9800998ecf8427e", sequencer: "0055AED6DCD90281E5",
      });
    });

    it("rejects bad records one by one", () => {
      const e = fixture("s3-notification.json");
      e.Records[0].s3.object.key = "bad%E0%A4%A";
      e.Records.push({ ...e.Records[1], s3: { ...e.Records[1].s3, bucket: { name: "UPPER" } } });
      e.Records.push("junk");
      const r = accepted(parseS3Notification(e));
      assert.equal(r.records.length, 1);
      assert.deepEqual(r.rejected.map((x) => x.index), [0, 2, 3]);
      assert.match(r.rejected[0].reason, /malformed percent-encoding/);
      assert.match(r.rejected[1].reason, /not a bucket name/);
      rejected(parseS3Notification({ foo: 1 }), /Records/);
    });
  });

  describe("EC2 state change", () => {
    it("reads instance, state, account and Region", () => {
      assert.deepEqual(accepted(parseEc2StateChange(fixture("ec2-state-change-running.json"))), {
        instanceId: "i-0123456789abcdef0", state: "running", accountId: "111122223333", region: "us-east-1", time: "2026-11-22T23:40:00Z",
      });
      assert.equal(accepted(parseEc2StateChange(fixture("ec2-state-change-terminated.json"))).state, "terminated");
    });

    it("rejects unknown states, bad ids and other sources", () => {
      const e = fixture("ec2-state-change-running.json");
      e.detail.state = "exploded";
      rejected(parseEc2StateChange(e), /state is not an instance state/);
      const f = fixture("ec2-state-change-running.json");
      f.detail["instance-id"] = "i-123";
      rejected(parseEc2StateChange(f), /instance-id is not an instance id/);
      const g = fixture("ec2-state-change-running.json");
      g.source = "custom.attacker";
      rejected(parseEc2StateChange(g), /expected "EC2 Instance State-change Notification" from aws.ec2/);
    });
  });

  describe("hostile input", () => {
    const parsers: Array<[string, (x: any) => ParseResult<unknown>]> = [
      ["SNS", parseSnsEvent], ["EventBridge", parseEventBridgeEnvelope], ["Deep Security", parseDeepSecurityMessage],
      ["FSS", parseFileStorageScanResult], ["Malware Protection", parseMalwareProtectionEvent], ["GuardDuty finding", parseGuardDutyFinding],
      ["GuardDuty event", parseGuardDutyEvent], ["S3", parseS3Notification], ["EC2", parseEc2StateChange],
    ];
    let deep: any = {};
    for (let i = 0; i < 100000; i++) deep = { Records: [deep], detail: deep };
    const deepText = "[".repeat(200000) + "]".repeat(200000);
    const throwing = new Proxy({}, { get: () => { throw new Error("boom"); }, has: () => { throw new Error("boom"); }, getOwnPropertyDescriptor: () => { throw new Error("boom"); } });
    const inputs: unknown[] = [null, undefined, [], [1], 0, "x", deepText, deep, throwing, JSON.parse('{"__proto__":{"polluted":1},"Records":[{"__proto__":{"s3":{}}}]}'), Object.create(null)];
    for (const [name, parse] of parsers) {
      it(`${name} rejects garbage without throwing`, () => {
        inputs.forEach((input, i) => {
          const r = parse(input);
          if (!r.ok) assert.ok(r.reason.length > 0);
          // Collections may be accepted as envelopes, but never with an item in them.
          else assert.equal(JSON.stringify(r.value).match(/"(?:bucket|eventType|instanceId|topicArn)"/), null, `${name} accepted input ${i}`);
        });
        assert.equal(({} as any).polluted, undefined);
      });
    }
  });
});
