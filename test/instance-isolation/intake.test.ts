import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanText, dedupe, readEvent, tagSafeText, type Dismissal } from "../../components/instance-isolation/lambda/intake";
import type { ResponseRequest } from "../../components/instance-isolation/lambda/model";
import { isolationSettingsFromEnv } from "../../components/instance-isolation/lambda/settings";
import { BASE_ENV } from "./scenario";

// What turns an invocation into requests: each input kind, each threshold at its edge, and the reason every dismissal
// gives (the operator reads it in the log).
const settings = isolationSettingsFromEnv(BASE_ENV);
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../components/instance-isolation/fixtures", name), "utf8"));
const INSTANCE = "i-0123456789abcdef0";
const ACCOUNT = "111122223333";
const REGION = settings.deepSecurityRegion!;

const direct = (extra: Record<string, unknown> = {}) => ({ kind: "kamae.isolate", instanceId: INSTANCE, accountId: ACCOUNT, region: "eu-west-1", ...extra });
const only = (input: unknown, s = settings): ResponseRequest => {
  const intake = readEvent(input, s);
  assert.deepEqual(intake.dismissed, []);
  assert.equal(intake.requests.length, 1);
  return intake.requests[0];
};
const dismissed = (input: unknown, s = settings): Dismissal => {
  const intake = readEvent(input, s);
  assert.deepEqual(intake.requests, []);
  assert.equal(intake.dismissed.length, 1, JSON.stringify(intake.dismissed));
  return intake.dismissed[0];
};

/** A Deep Security event from an EC2 host (Deep Security's SNS event fields), in an SNS record. */
const dsEvent = (extra: Record<string, unknown> = {}) => ({ HostOwnerID: ACCOUNT, HostInstanceID: INSTANCE, Hostname: "web-1", TenantID: 4235, EventType: "IntegrityEvent", EventID: 7001, Severity: 3, Key: "/etc/passwd", ...extra });
const sns = (message: unknown, messageId = "11111111-2222-3333-4444-555555555555") => ({
  Records: [{ EventSource: "aws:sns", Sns: { Type: "Notification", MessageId: messageId, TopicArn: "arn:aws:sns:us-east-1:111122223333:ds", Message: typeof message === "string" ? message : JSON.stringify(message), Timestamp: "2026-11-23T04:01:07.000Z" } }],
});
const WHERE = "SNS message 11111111-2222-3333-4444-555555555555";

const finding = (detail: Record<string, unknown> = {}) => {
  const event = fixture("guardduty-backdoor-cc.json");
  return { ...event, detail: { ...event.detail, ...detail } };
};

describe("isolation intake", () => {
  describe("inputs that are no known kind", () => {
    it("rejects what is not a JSON object", () => {
      for (const input of [null, undefined, "isolate", 5, [direct()]]) {
        assert.deepEqual(dismissed(input), { disposition: "rejected", reason: "the event is not a JSON object" }, JSON.stringify(input));
      }
    });

    it("routes to the GuardDuty reader only an event with both a source and a detail", () => {
      const unknown = { disposition: "rejected", reason: "not an SNS event, an EventBridge event or a kamae request" };
      assert.deepEqual(dismissed({ detail: finding().detail }), unknown);
      assert.deepEqual(dismissed({ source: "aws.guardduty" }), unknown);
      assert.deepEqual(dismissed({ kind: "kamae.other", instanceId: INSTANCE }), unknown);
      const d = dismissed({ source: "aws.guardduty", detail: {} });
      assert.equal(d.disposition, "rejected");
      assert.match(d.reason, /^not a GuardDuty finding: ./);
    });
  });

  describe("direct requests", () => {
    it("isolates with the request's own reason, finding and source", () => {
      assert.deepEqual(only(direct({ reason: "analyst: beaconing", findingId: "INC-42", source: "soc" })), {
        kind: "isolate",
        target: { accountId: ACCOUNT, region: "eu-west-1" },
        instanceId: INSTANCE,
        reason: "analyst: beaconing",
        findingId: "INC-42",
        source: "soc",
      });
    });

    it("fills what the request leaves out, and what is blank once cleaned", () => {
      for (const blank of [{}, { reason: " \n\t", findingId: "\u0000", source: "  " }]) {
        const r = only(direct(blank));
        assert.deepEqual([r.reason, r.kind === "isolate" && r.findingId, r.kind === "isolate" && r.source], ["isolation requested", "direct-request", "direct"]);
      }
      assert.deepEqual(only({ ...direct(), kind: "kamae.release" }), { kind: "release", target: { accountId: ACCOUNT, region: "eu-west-1" }, instanceId: INSTANCE, reason: "release requested" });
      assert.equal(only({ ...direct({ reason: "contained, rebuilt" }), kind: "kamae.release" }).reason, "contained, rebuilt");
      assert.equal(only({ ...direct({ reason: "\r\n" }), kind: "kamae.release" }).reason, "release requested");
    });

    it("takes EC2's two instance id lengths (8 or 17 hex digits) and nothing else", () => {
      assert.equal(only(direct({ instanceId: "i-0123abcd" })).instanceId, "i-0123abcd");
      // A list holding an id is no id, though it reads as one once turned into text.
      for (const instanceId of ["i-0123abc", "i-0123456789abcdef", "i-0123456789ABCDEF0", "0123456789abcdef0", " i-0123abcd", 12345678, ["i-0123abcd"]]) {
        assert.deepEqual(dismissed(direct({ instanceId })), { disposition: "rejected", reason: "malformed kamae.isolate request: instanceId must be an EC2 instance id" }, String(instanceId));
      }
    });

    it("names each malformed field, and every one of them", () => {
      const reason = (extra: Record<string, unknown>, kind = "kamae.isolate") => dismissed({ ...direct(extra), kind }).reason;
      assert.equal(reason({ accountId: "11112222333" }), "malformed kamae.isolate request: accountId must be a 12-digit account id");
      assert.equal(reason({ accountId: 111122223333 }), "malformed kamae.isolate request: accountId must be a 12-digit account id");
      assert.equal(reason({ accountId: ["111122223333"] }), "malformed kamae.isolate request: accountId must be a 12-digit account id");
      assert.equal(reason({ region: ["us-east-1"], accountId: ACCOUNT }), "malformed kamae.isolate request: region must be an AWS Region");
      assert.equal(reason({ region: "US-EAST-1" }), "malformed kamae.isolate request: region must be an AWS Region");
      assert.equal(reason({ region: ["us-east-1"] }), "malformed kamae.isolate request: region must be an AWS Region");
      assert.equal(reason({ reason: 5 }), "malformed kamae.isolate request: reason must be a string");
      assert.equal(reason({ findingId: { id: "x" } }, "kamae.release"), "malformed kamae.release request: findingId must be a string");
      assert.equal(reason({ source: true }), "malformed kamae.isolate request: source must be a string");
      assert.equal(
        reason({ instanceId: "x", accountId: undefined, region: "", reason: null }),
        "malformed kamae.isolate request: instanceId must be an EC2 instance id; accountId must be a 12-digit account id; region must be an AWS Region; reason must be a string",
      );
      // Regions of every shape AWS uses, including the two-part-name ones.
      for (const region of ["us-east-1", "ap-southeast-4", "us-gov-west-1", "eu-central-2"]) assert.equal(only(direct({ region })).target.region, region);
    });
  });

  describe("text that goes into reports and tags", () => {
    it("keeps reports on one printable line, bounded", () => {
      assert.equal(cleanText("  a\u0000b\r\n\tc\u200b  d\u0085 "), "a b c d");
      assert.equal(cleanText(42), "");
      assert.equal(cleanText(undefined), "");
      assert.equal(cleanText("x".repeat(300)), "x".repeat(256));
      assert.equal(cleanText(`${" ".repeat(10)}${"y".repeat(20)}`, 5), "yyyyy");
    });

    it("keeps only what AWS accepts in a tag value: letters, digits, spaces and _ . : / = + - @", () => {
      assert.equal(tagSafeText("Backdoor:EC2/C&CActivity.B #1 (é) a=b+c-d@e_f"), "Backdoor:EC2/C-CActivity.B -1 -é- a=b+c-d@e_f");
      assert.equal(tagSafeText("line\nbreak"), "line break");
      assert.equal(tagSafeText("z".repeat(300)), "z".repeat(256));
      assert.equal(tagSafeText("#".repeat(70), 64), "-".repeat(64));
      assert.equal(only(direct({ findingId: `F${"#".repeat(250)}`, source: "s".repeat(100) })).kind, "isolate");
      const r = only(direct({ findingId: `F${"#".repeat(250)}`, source: "s".repeat(100) })) as Extract<ResponseRequest, { kind: "isolate" }>;
      assert.equal(r.findingId, `F${"-".repeat(199)}`);
      assert.equal(r.source, "s".repeat(64));
    });
  });

  describe("Deep Security events through SNS", () => {
    it("isolates AWS hosts' qualifying events and says why the others are ignored", () => {
      const intake = readEvent(fixture("sns-deep-security-tamper.json"), settings);
      assert.deepEqual(intake.requests, [
        { kind: "isolate", target: { accountId: ACCOUNT, region: REGION }, instanceId: INSTANCE, reason: "Deep Security IntegrityEvent: 1008271 - Application - Web Server Common", findingId: "ds-4235-901001", source: "deep-security" },
        { kind: "isolate", target: { accountId: ACCOUNT, region: REGION }, instanceId: INSTANCE, reason: "Deep Security AntiMalwareEvent: Backdoor.PHP.WEBSHELL.SBJKSK", findingId: "ds-4235-901002", source: "deep-security" },
      ]);
      assert.deepEqual(intake.dismissed, [{ disposition: "ignored", reason: "event 901003 comes from a non-AWS host (dc01.corp.example)", where: "SNS message 7a1c0d52-8b5e-5a55-9c1f-000000000001" }]);
    });

    it("names a non-AWS host without a host name as such", () => {
      const d = dismissed(sns([{ EventType: "IntegrityEvent", EventID: 5, Severity: 4 }]));
      assert.deepEqual(d, { disposition: "ignored", reason: "event 5 comes from a non-AWS host (no hostname)", where: WHERE });
      assert.equal(dismissed(sns([{ EventType: "IntegrityEvent", Severity: 4, Hostname: "db\n01" }])).reason, "event ? comes from a non-AWS host (db 01)");
    });

    it("acts from the minimum severity up, and on events that carry none", () => {
      assert.equal(only(sns([dsEvent({ Severity: settings.deepSecurityMinSeverity })])).instanceId, INSTANCE);
      assert.equal(only(sns([dsEvent({ Severity: undefined })])).instanceId, INSTANCE);
      assert.equal(dismissed(sns([dsEvent({ Severity: 1, EventID: undefined })])).reason, `event ? on ${INSTANCE}: severity 1 is below ${settings.deepSecurityMinSeverity}`);
      assert.deepEqual(dismissed(sns([dsEvent({ Severity: settings.deepSecurityMinSeverity - 1 })])), {
        disposition: "ignored",
        reason: `event 7001 on ${INSTANCE}: severity ${settings.deepSecurityMinSeverity - 1} is below ${settings.deepSecurityMinSeverity}`,
        where: WHERE,
      });
    });

    it("acts only on the configured event types", () => {
      assert.deepEqual(dismissed(sns([dsEvent({ EventType: "WebReputationEvent", Severity: 4 })])), { disposition: "ignored", reason: `event 7001 on ${INSTANCE}: event type WebReputationEvent is not one that isolates`, where: WHERE });
      const onlyMalware = isolationSettingsFromEnv({ ...BASE_ENV, KAMAE_DS_EVENT_TYPES: "AntiMalwareEvent" });
      assert.match(dismissed(sns([dsEvent()]), onlyMalware).reason, /event type IntegrityEvent is not one that isolates$/);
    });

    it("isolates for an anti-malware event that names the malware or the infected file, not for one that names neither", () => {
      const malware = (extra: Record<string, unknown>) => sns([dsEvent({ EventType: "AntiMalwareEvent", Severity: undefined, Key: undefined, ...extra })]);
      assert.equal(only(malware({ MalwareName: "Eicar_test_file" })).reason, "Deep Security AntiMalwareEvent: Eicar_test_file");
      assert.equal(only(malware({ InfectedFilePath: "/tmp/eicar.com" })).reason, "Deep Security AntiMalwareEvent");
      assert.deepEqual(dismissed(malware({})), { disposition: "ignored", reason: `event 7001 on ${INSTANCE}: anti-malware event names no malware`, where: WHERE });
      // Other event types need no malware name.
      assert.equal(only(sns([dsEvent({ Key: undefined })])).reason, "Deep Security IntegrityEvent");
    });

    it("describes an event by its reason, else its malware, else its key, else its OSSEC description", () => {
      const reason = (extra: Record<string, unknown>) => only(sns([dsEvent({ Key: undefined, ...extra })])).reason;
      assert.equal(reason({ Reason: "rule 1008271", MalwareName: "m", Key: "/k" }), "Deep Security IntegrityEvent: rule 1008271");
      assert.equal(reason({ MalwareName: "m", Key: "/k" }), "Deep Security IntegrityEvent: m");
      assert.equal(reason({ Key: "/etc/shadow" }), "Deep Security IntegrityEvent: /etc/shadow");
    });

    it("names the finding after the tenant and the event, or the SNS message when the event has no id", () => {
      const r = (extra: Record<string, unknown>) => only(sns([dsEvent(extra)], "m-1")) as Extract<ResponseRequest, { kind: "isolate" }>;
      assert.equal(r({}).findingId, "ds-4235-7001");
      assert.equal(r({ TenantID: undefined }).findingId, "ds-t-7001");
      assert.equal(r({ EventID: undefined }).findingId, "ds-4235-m-1");
    });

    it("refuses to guess a Region for Deep Security events when none is set", () => {
      const noRegion = { ...settings, deepSecurityRegion: undefined };
      assert.deepEqual(dismissed(sns([dsEvent()]), noRegion), { disposition: "rejected", reason: "no Region to act in for Deep Security events (KAMAE_DS_REGION)", where: WHERE });
    });

    it("rejects a malformed SNS event, a message that is not Deep Security's, and each malformed event of a message", () => {
      const malformed = dismissed({ Records: [{ EventSource: "aws:sns" }] });
      assert.equal(malformed.disposition, "rejected");
      assert.match(malformed.reason, /^malformed SNS event: ./);
      assert.equal(malformed.where, undefined);
      const notDs = dismissed(sns("hello"));
      assert.equal(notDs.disposition, "rejected");
      assert.match(notDs.reason, /^not a Deep Security message: ./);
      assert.equal(notDs.where, WHERE);
      const intake = readEvent(sns([dsEvent(), { EventType: "IntegrityEvent", HostOwnerID: "not-an-account", Severity: "high" }]), settings);
      assert.equal(intake.requests.length, 1);
      assert.equal(intake.dismissed.length, 1);
      assert.equal(intake.dismissed[0].disposition, "rejected");
      assert.match(intake.dismissed[0].reason, /^event 1: ./);
      assert.equal(intake.dismissed[0].where, WHERE);
    });
  });

  describe("GuardDuty findings", () => {
    it("isolates for a finding of an isolating type at the minimum severity, with the finding's title and update time", () => {
      assert.deepEqual(only(finding({ severity: settings.guardDutyMinSeverity })), {
        kind: "isolate",
        target: { accountId: ACCOUNT, region: "us-east-1" },
        instanceId: INSTANCE,
        reason: "GuardDuty Backdoor:EC2/C&CActivity.B: EC2 instance i-0123456789abcdef0 is querying a domain name associated with a known Command & Control server.",
        findingId: "16afba5c5c43e07c9e3e5e2e544e0001",
        source: "guardduty",
        updatedAt: "2026-11-22T23:19:30.000Z",
      });
    });

    it("ignores a finding just under the minimum severity, saying so", () => {
      const severity = settings.guardDutyMinSeverity - 0.1;
      assert.deepEqual(dismissed(finding({ severity })), { disposition: "ignored", reason: `severity ${severity} is below ${settings.guardDutyMinSeverity}`, where: "GuardDuty finding 16afba5c5c43e07c9e3e5e2e544e0001" });
    });

    it("ignores finding types that do not isolate, even when the rule let them through", () => {
      assert.deepEqual(dismissed(fixture("guardduty-portscan-low.json")), { disposition: "ignored", reason: "finding type Recon:EC2/Portscan is not one that isolates", where: "GuardDuty finding 16afba5c5c43e07c9e3e5e2e544e0002" });
      const recon = isolationSettingsFromEnv({ ...BASE_ENV, KAMAE_GD_TYPE_PREFIXES: "Recon:EC2/", KAMAE_GD_MIN_SEVERITY: "1" });
      assert.equal(only(fixture("guardduty-portscan-low.json"), recon).instanceId, INSTANCE);
    });

    it("ignores a finding about something other than an instance", () => {
      const bucket = finding({ resource: { resourceType: "S3Bucket", s3BucketDetails: [{ name: "example-bucket", arn: "arn:aws:s3:::example-bucket" }] } });
      assert.deepEqual(dismissed(bucket), { disposition: "ignored", reason: "finding Backdoor:EC2/C&CActivity.B names no EC2 instance", where: "GuardDuty finding 16afba5c5c43e07c9e3e5e2e544e0001" });
    });

    it("ignores GuardDuty's sample findings unless drills are opted in", () => {
      const sample = finding({ service: { ...finding().detail.service, additionalInfo: { sample: true } } });
      const d = dismissed(sample);
      assert.equal(d.disposition, "ignored");
      assert.match(d.reason, /sample finding/);
      assert.equal(d.where, "GuardDuty finding 16afba5c5c43e07c9e3e5e2e544e0001");
      assert.equal(only(sample, { ...settings, actOnSampleFindings: true }).instanceId, INSTANCE);
    });

    it("describes a finding without a title by its type", () => {
      const { title: _, ...untitled } = finding().detail;
      assert.equal(only({ ...finding(), detail: untitled }).reason, "GuardDuty Backdoor:EC2/C&CActivity.B");
    });
  });

  describe("dedupe", () => {
    it("keeps one request per kind, account, Region and instance, the first", () => {
      const isolate = only(direct({ reason: "first" }));
      const again = { ...isolate, reason: "second" };
      const release: ResponseRequest = { kind: "release", target: isolate.target, instanceId: INSTANCE, reason: "r" };
      const other = { ...isolate, instanceId: "i-0123abcd" };
      const elsewhere = { ...isolate, target: { ...isolate.target, region: "us-east-1" } };
      const otherAccount = { ...isolate, target: { ...isolate.target, accountId: "444455556666" } };
      assert.deepEqual(dedupe([isolate, again, release, other, elsewhere, otherAccount, release]), [isolate, release, other, elsewhere, otherAccount]);
    });
  });
});
