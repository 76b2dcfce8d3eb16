import fc from "fast-check";
import { strict as assert } from "node:assert";
import { Records } from "../../components/api-activity-alerts/fixtures/records.json";
import { globToRegExp } from "../../components/shared/runtime/glob";
import { type ActivityRule, type CloudTrailRecord, isAwsServiceCall, RuleSet, validateRules } from "../../components/api-activity-alerts/lambda/rules";
import { ZonedClock } from "../../components/api-activity-alerts/lambda/time-zone";

const records = Records as CloudTrailRecord[];
/** The fixture records a rule set selects, by the last digits of their event ids. */
function selected(rules: ActivityRule[], input: CloudTrailRecord[] = records, excludeAwsServiceCalls = true): number[] {
  const set = new RuleSet(rules, { excludeAwsServiceCalls });
  return input.filter((r) => set.select(r)).map((r) => Number(String(r.eventID).slice(-3)));
}
const at = (eventTime: string): CloudTrailRecord => ({ ...records[1], eventTime, eventID: `t-${eventTime}` });
const ALL_TYPES = ["Root", "IAMUser", "AssumedRole", "FederatedUser", "AWSService", "AWSAccount", "IdentityCenterUser"];

describe("ApiActivityAlerts rules", () => {
  it("fixtures hold a record of every identity type", () => {
    assert.deepEqual([...new Set(records.map((r) => (r.userIdentity as { type: string }).type))].sort(), [...ALL_TYPES].sort());
  });

  it("recognises the three markers of calls AWS makes by itself, and nothing else", () => {
    assert.deepEqual(records.filter(isAwsServiceCall).map((r) => r.eventID), [
      "00000000-0000-4000-8000-000000000004", // service-linked role session (ELB rewriting a security group)
      "00000000-0000-4000-8000-000000000005", // userIdentity.type AWSService
      "00000000-0000-4000-8000-000000000009", // invokedBy "AWS Internal"
    ]);
  });

  it("a role merely named like a service-linked role is not AWS: only the issuer's /aws-service-role/ path counts", () => {
    const slr = records.find((r) => r.eventID === "00000000-0000-4000-8000-000000000004")!;
    const u = slr.userIdentity as any;
    const lookalike = (issuerArn: string | undefined) => ({ ...slr, userIdentity: { ...u, sessionContext: { ...u.sessionContext, sessionIssuer: { ...u.sessionContext.sessionIssuer, arn: issuerArn } } } });
    const name = u.sessionContext.sessionIssuer.userName as string;
    assert.match(name, /^AWSServiceRoleFor/);
    assert.equal(isAwsServiceCall(slr), true);
    // An attacker's role named AWSServiceRoleFor… (path "/") making the same call must be seen.
    assert.equal(isAwsServiceCall(lookalike(`arn:aws:iam::111111111111:role/${name}`)), false);
    assert.equal(isAwsServiceCall(lookalike(`arn:aws:iam::111111111111:role/attacker/aws-service-role/${name}`)), false);
    assert.equal(isAwsServiceCall(lookalike(undefined)), false);
  });

  it("selects every identity type, and drops service-made calls by default", () => {
    assert.deepEqual(selected([{ name: "all", identityTypes: ALL_TYPES }]), [1, 2, 3, 6, 7, 8, 10]);
    assert.deepEqual(selected([{ name: "all", identityTypes: ALL_TYPES }], records, false), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(selected([{ name: "svc", identityTypes: ["AWSService"] }]), []);
    assert.deepEqual(selected([{ name: "root", identityTypes: ["Root"] }]), [1]);
    assert.deepEqual(selected([{ name: "ic", identityTypes: ["IdentityCenterUser"] }]), [8]);
    assert.deepEqual(selected([{ name: "acct", identityTypes: ["AWSAccount"] }]), [7]);
  });

  it("matches event sources and names with globs, and identity ARNs of the caller or its session issuer", () => {
    assert.deepEqual(selected([{ name: "sg", eventSources: ["ec2.amazonaws.com"], eventNames: ["Authorize*", "Revoke*"] }]), [2, 10]);
    assert.deepEqual(selected([{ name: "sso", identityArns: ["arn:aws:sts::*:assumed-role/AWSReservedSSO_*"] }]), [3]);
    assert.deepEqual(selected([{ name: "broker", identityArns: ["arn:aws:iam::111111111111:user/identity-broker"] }]), [6]);
    assert.deepEqual(selected([{ name: "q", eventNames: ["Get?bject"] }]), [7]);
    assert.deepEqual(selected([{ name: "s3", eventSources: ["s3.*"] }]), [3, 7]);
  });

  it("treats glob text literally apart from * and ?", () => {
    assert.equal(globToRegExp("s3.amazonaws.com").test("s3xamazonaws.com"), false);
    assert.equal(globToRegExp("arn:aws:iam::*:role/(admin)+").test("arn:aws:iam::111111111111:role/(admin)+"), true);
    assert.equal(globToRegExp("arn:aws:iam::*:role/(admin)+").test("arn:aws:iam::111111111111:role/adminadmin"), false);
    assert.equal(globToRegExp("a***b").test("a/x:y/b"), true);
  });

  it("matches source IPs in and not in CIDRs; service host names never match either", () => {
    assert.deepEqual(selected([{ name: "office", sourceIpIn: ["203.0.113.0/24"] }]), [1, 2, 8]);
    assert.deepEqual(selected([{ name: "unexpected", readOnly: false, sourceIpNotIn: ["10.0.0.0/8", "203.0.113.0/24"] }]), [3, 6]);
    assert.deepEqual(selected([{ name: "unexpected", sourceIpNotIn: ["0.0.0.0/0"] }], records, false), []);
    assert.deepEqual(selected([{ name: "v6", sourceIpIn: ["2001:db8::/32"] }], [{ ...records[1], sourceIPAddress: "2001:db8::7" }, records[1]]), [2]);
  });

  it("matches read-only, error codes and Regions", () => {
    assert.deepEqual(selected([{ name: "reads", readOnly: true }]), [7, 8]);
    assert.deepEqual(selected([{ name: "failed", errorCodes: ["*"] }]), [6, 7]);
    assert.deepEqual(selected([{ name: "denied", errorCodes: ["AccessDenied*"] }]), [7]);
    assert.deepEqual(selected([{ name: "oregon", regions: ["us-west-2"] }]), [6]);
  });

  it("reads readOnly written as text as well as a boolean, and nothing else as either", () => {
    const rules = (readOnly: boolean) => new RuleSet([{ name: "r", readOnly }]);
    const call = (readOnly: unknown) => ({ eventSource: "s3.amazonaws.com", eventName: "GetObject", readOnly, userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111122223333:user/ann" } });
    assert.deepEqual([rules(true).select(call("true")), rules(false).select(call("true"))], [{ rules: ["r"] }, undefined]);
    assert.deepEqual([rules(false).select(call("false")), rules(true).select(call("false"))], [{ rules: ["r"] }, undefined]);
    assert.deepEqual([rules(true).select(call("TRUE")), rules(false).select(call("TRUE")), rules(false).select(call(undefined))], [undefined, undefined, undefined]);
  });

  it("excludes what an exclude rule matches even when an include rule matched", () => {
    const rules: ActivityRule[] = [
      { name: "changes", readOnly: false },
      { name: "pipeline", effect: "exclude", identityArns: ["arn:aws:sts::111111111111:assumed-role/deploy-pipeline/*"] },
    ];
    assert.deepEqual(selected(rules), [1, 2, 3, 6]);
    const set = new RuleSet([...rules, { name: "root", identityTypes: ["Root"] }]);
    assert.deepEqual(set.select(records[0])?.rules, ["changes", "root"]);
  });

  describe("time windows", () => {
    const businessHours: ActivityRule = {
      name: "off-hours-tokyo",
      readOnly: false,
      timeWindows: [{ timeZone: "Asia/Tokyo", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], start: "09:00", end: "18:00" }],
      timeWindowsMatch: "outside",
    };

    it("selects calls outside business hours in Asia/Tokyo (weekend included)", () => {
      // Fri 2026-11-20: 14:03Z = 23:03 JST, 13:30Z = 22:30 JST, 23:45Z = Sat 08:45 JST, 06:00Z = 15:00 JST (business hours).
      assert.deepEqual(selected([businessHours]), [1, 2, 3, 6]);
      const inside = { ...businessHours, name: "in-hours", timeWindowsMatch: "inside" as const };
      assert.deepEqual(selected([inside]), [10]);
    });

    it("handles windows across midnight: the morning belongs to the day the window started", () => {
      const night: ActivityRule = { name: "fri-night", timeWindows: [{ timeZone: "Asia/Tokyo", days: ["Fri"], start: "22:00", end: "06:00" }] };
      const set = new RuleSet([night]);
      const cases: Array<[string, boolean]> = [
        ["2026-11-20T12:59:00Z", false], // Fri 21:59 JST
        ["2026-11-20T13:00:00Z", true], //  Fri 22:00 JST
        ["2026-11-20T20:59:00Z", true], //  Sat 05:59 JST (Friday's night)
        ["2026-11-20T21:00:00Z", false], // Sat 06:00 JST (end is exclusive)
        ["2026-11-21T13:30:00Z", false], // Sat 22:30 JST (Saturday's night is not selected)
        ["2026-11-19T20:00:00Z", false], // Fri 05:00 JST (Thursday's night)
      ];
      for (const [time, expected] of cases) assert.equal(set.select(at(time)) !== undefined, expected, time);
    });

    it("follows daylight saving time of the named zone", () => {
      const ny = new RuleSet([{ name: "ny", timeWindows: [{ timeZone: "America/New_York", start: "09:00", end: "17:00" }] }]);
      assert.equal(ny.select(at("2026-03-06T13:30:00Z")), undefined); // 08:30 EST
      assert.ok(ny.select(at("2026-03-09T13:30:00Z"))); // 09:30 EDT
      assert.ok(ny.select(at("2026-11-02T14:30:00Z"))); // 09:30 EST again
      const utc = new RuleSet([{ name: "utc", timeWindows: [{ timeZone: "UTC", start: "13:00", end: "14:00" }] }]);
      assert.ok(utc.select(at("2026-11-20T13:30:00Z")));
      assert.equal(utc.select(at("not a time")), undefined);
    });

    it("computes local time as Intl does, for any instant and zone (property)", () => {
      const zones = ["Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"];
      fc.assert(
        fc.property(fc.integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2040-01-01T00:00:00Z") }), fc.constantFrom(...zones), (ms, zone) => {
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" })
              .formatToParts(new Date(ms))
              .map((p) => [p.type, p.value]),
          );
          const local = ZonedClock.of(zone).local(ms);
          assert.equal(local.minuteOfDay, Number(parts.hour) * 60 + Number(parts.minute));
          assert.equal(local.weekday, ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday));
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe("validation", () => {
    const bad: Array<[unknown, RegExp]> = [
      [[], /non-empty list/],
      [{}, /non-empty list/],
      [[{ name: "x" }], /no condition/],
      [[{ name: "x", eventNames: ["A"], colour: "red" }], /unknown field "colour"/],
      [[{ name: "bad name!", eventNames: ["A"] }], /name/],
      [[{ name: "x", effect: "exclude", eventNames: ["A"] }], /no include rule/],
      [[{ name: "x", eventNames: ["A"] }, { name: "x", eventNames: ["B"] }], /two rules are named "x"/],
      [[{ name: "x", eventNames: "Delete*" }], /rules\[0\]\.eventNames: must be a non-empty list/],
      [[{ name: "x", sourceIpNotIn: ["10.0.0.0/33"] }], /sourceIpNotIn: "10.0.0.0\/33" is not a CIDR/],
      [[{ name: "x", identityTypes: ["Robot"] }], /"Robot" is not one of/],
      [[{ name: "x", readOnly: "yes" }], /readOnly: must be true or false/],
      [[{ name: "x", regions: ["tokyo"] }], /not an AWS Region/],
      [[{ name: "x", timeWindows: [{ timeZone: "Mars/Olympus", start: "09:00", end: "18:00" }] }], /not an IANA time zone/],
      [[{ name: "x", timeWindows: [{ timeZone: "Asia/Tokyo", start: "9:00", end: "18:00" }] }], /start: "9:00" is not a time/],
      [[{ name: "x", timeWindows: [{ timeZone: "Asia/Tokyo", start: "24:00", end: "18:00" }] }], /not a time/],
      [[{ name: "x", timeWindows: [{ timeZone: "Asia/Tokyo", start: "09:00", end: "09:00" }] }], /empty window/],
      [[{ name: "x", timeWindows: [{ timeZone: "Asia/Tokyo", start: "09:00", end: "18:00", days: ["Funday"] }] }], /"Funday" is not one of/],
      [[{ name: "x", eventNames: ["A"], timeWindowsMatch: "outside" }], /needs timeWindows/],
      // The whole message names the field and what it must be.
      [[{ name: "x", eventNames: [""] }], /^Error: rules\[0\]\.eventNames\[0\]: must be a non-empty string of at most 512 characters$/],
      [[{ name: "x", eventNames: ["A", "a".repeat(513)] }], /^Error: rules\[0\]\.eventNames\[1\]: must be a non-empty string of at most 512 characters$/],
      [[{ name: "x", eventNames: [7] }], /^Error: rules\[0\]\.eventNames\[0\]: must be a non-empty string of at most 512 characters$/],
      [[{ name: "x", eventNames: ["A"] }, "rule"], /^Error: rules\[1\]: must be an object$/],
      [[{ name: "x", eventNames: ["A"], effect: "drop" }], /^Error: rules\[0\]\.effect: must be "include" or "exclude"$/],
      [[{ name: "x", eventNames: ["A"], timeWindowsMatch: "during" }], /^Error: rules\[0\]\.timeWindowsMatch: must be "inside" or "outside"$/],
      [[{ name: "x", timeWindows: [] }], /^Error: rules\[0\]\.timeWindows: must be a non-empty list$/],
      [[{ name: "x", timeWindows: [null] }], /^Error: rules\[0\]\.timeWindows\[0\]: must be an object$/],
      [[{ name: "x", timeWindows: [{ timeZone: "Asia/Tokyo", start: "09:00", end: "18:00", weekdays: ["Mon"] }] }], /^Error: rules\[0\]\.timeWindows\[0\]: unknown field "weekdays"$/],
      [[{ name: "x", timeWindows: [{ timeZone: 9, start: "09:00", end: "18:00" }] }], /^Error: rules\[0\]\.timeWindows\[0\]\.timeZone: must be an IANA time zone name \("Asia\/Tokyo"\)$/],
      [[{ name: "x", timeWindows: [{ timeZone: "Asia/Tokyo", start: 900, end: "18:00" }] }], /^Error: rules\[0\]\.timeWindows\[0\]\.start: must be a time "HH:MM"$/],
      [Array.from({ length: 101 }, (_, i) => ({ name: `r${i}`, eventNames: ["A"] })), /^Error: rules: has 101 rules; at most 100$/],
    ];
    for (const [input, message] of bad) {
      it(`refuses ${JSON.stringify(input).slice(0, 90)}`, () => assert.throws(() => validateRules(input), message));
    }

    it("accepts 100 rules and strings of 512 characters", () => {
      assert.equal(validateRules(Array.from({ length: 100 }, (_, i) => ({ name: `r${i}`, eventNames: ["a".repeat(512)] }))).length, 100);
    });

    it("accepts a full rule and returns it typed, without undefined fields", () => {
      const [rule] = validateRules([{ name: "ok", eventNames: ["Delete*"], sourceIpNotIn: ["10.0.0.0/8"], timeWindows: [{ timeZone: "Asia/Tokyo", start: "22:00", end: "06:00" }] }]);
      assert.deepEqual(rule, { name: "ok", effect: "include", eventNames: ["Delete*"], sourceIpNotIn: ["10.0.0.0/8"], timeWindows: [{ timeZone: "Asia/Tokyo", start: "22:00", end: "06:00" }] });
    });
  });
});
