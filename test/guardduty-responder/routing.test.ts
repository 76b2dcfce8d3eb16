import fc from "fast-check";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFindingEvent } from "../../components/guardduty-responder/lambda/responder";
import {
  DEFAULT_ROUTES,
  eventPattern,
  type FindingRoute,
  MAX_BLOCKS_PER_FINDING,
  planResponse,
  RECOMMENDED_ROUTES,
  type ResponderFinding,
  type ResponseAction,
  routeMatches,
  validateModes,
  validateRoutes,
} from "../../components/guardduty-responder/lambda/routing";

const PUBLIC_IP = "93.184.216.34";
const sharedFixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../components/shared/events/fixtures", name), "utf8"));
const macieFixture = JSON.parse(readFileSync(join(__dirname, "../../components/guardduty-responder/fixtures/macie-sensitive-data.json"), "utf8"));

/** A GuardDuty finding event of the given type and severity, from the network-connection fixture. */
function guardDutyEvent(type: string, severity: number, base = "guardduty-network-connection.json") {
  const event = sharedFixture(base);
  event.detail.type = type;
  event.detail.severity = severity;
  // The fixture's address is a documentation range (never blocked); a routable one exercises blocking.
  const connection = event.detail.service.action.networkConnectionAction;
  if (connection) connection.remoteIpDetails.ipAddressV4 = PUBLIC_IP;
  return event;
}

function finding(event: unknown): ResponderFinding {
  const parsed = parseFindingEvent(event);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.finding;
}

/** EventBridge matching for the pattern features routes use: value lists, prefix, numeric ranges, nested fields. */
function matchesPattern(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const value = event[key];
    if (!Array.isArray(rule)) return typeof value === "object" && value !== null && matchesPattern(rule as Record<string, unknown>, value as Record<string, unknown>);
    return rule.some((r) => {
      if (typeof r !== "object" || r === null) return r === value;
      if ("prefix" in r) return typeof value === "string" && value.startsWith(r.prefix);
      const numeric = (r as { numeric: Array<string | number> }).numeric;
      for (let i = 0; i < numeric.length; i += 2) {
        const [op, bound] = [numeric[i], numeric[i + 1] as number];
        if (typeof value !== "number" || (op === ">=" && !(value >= bound)) || (op === "<" && !(value < bound))) return false;
      }
      return true;
    });
  });
}

const routes = validateRoutes([...RECOMMENDED_ROUTES]);
const enforceAll = { isolate: "enforce", scan: "enforce", block: "enforce", restrictCredentials: "enforce", blockPublicAccess: "enforce", protectBucket: "enforce" } as const;
const actionsOf = (f: ResponderFinding, modes = enforceAll) => planResponse(f, routes, modes).actions.map((a) => a.action);

describe("GuardDutyResponder routing", () => {
  describe("the matrix: severity × type → actions (recommended routes)", () => {
    const matrix: Array<[string, string, number, string[]]> = [
      // [fixture, type, severity, actions]
      ["guardduty-port-probe.json", "Recon:EC2/PortProbeUnprotectedPort", 2, ["notify"]],
      ["guardduty-port-probe.json", "Recon:EC2/Portscan", 5, ["notify"]],
      ["guardduty-network-connection.json", "Backdoor:EC2/C&CActivity.B", 8, ["scan", "isolate", "block", "notify"]],
      ["guardduty-network-connection.json", "Backdoor:EC2/C&CActivity.B", 6.9, ["notify"]],
      ["guardduty-network-connection.json", "Backdoor:EC2/C&CActivity.B", 7, ["scan", "isolate", "block", "notify"]],
      ["guardduty-network-connection.json", "CryptoCurrency:EC2/BitcoinTool.B", 9.5, ["scan", "isolate", "block", "notify"]],
      ["guardduty-dns-request.json", "CryptoCurrency:EC2/BitcoinTool.B!DNS", 8, ["scan", "isolate", "notify"]], // no remote IP to block
      ["guardduty-network-connection.json", "UnauthorizedAccess:EC2/SSHBruteForce", 8, ["notify"]],
      ["guardduty-aws-api-call.json", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8, ["restrictCredentials", "notify"]],
      ["guardduty-aws-api-call.json", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 3, ["notify"]],
      ["guardduty-aws-api-call.json", "CredentialAccess:IAMUser/AnomalousBehavior", 5, ["restrictCredentials", "notify"]],
      ["guardduty-s3-api-call.json", "Policy:S3/BucketBlockPublicAccessDisabled", 2, ["blockPublicAccess", "notify"]],
      ["guardduty-s3-api-call.json", "Policy:S3/BucketAnonymousAccessGranted", 7, ["blockPublicAccess", "notify"]],
      ["guardduty-s3-api-call.json", "Discovery:S3/AnomalousBehavior", 2, ["notify"]],
    ];
    for (const [fixture, type, severity, expected] of matrix) {
      it(`${type} at ${severity} → ${expected.join(", ")}`, () => {
        assert.deepEqual(actionsOf(finding(guardDutyEvent(type, severity, fixture))), expected);
      });
    }

    it("Macie: sensitive data at Medium or High → protect the bucket; Low → notify only", () => {
      const high = finding(macieFixture);
      assert.equal(high.source, "macie");
      assert.deepEqual(high.bucketNames, ["customer-exports"]);
      assert.deepEqual(actionsOf(high), ["protectBucket", "notify"]);
      for (const [label, expected] of [["Medium", ["protectBucket", "notify"]], ["Low", ["notify"]]] as const) {
        const e = structuredClone(macieFixture);
        e.detail.severity.description = label;
        assert.deepEqual(actionsOf(finding(e)), expected, label);
      }
      const policyFinding = structuredClone(macieFixture);
      policyFinding.detail.type = "Policy:IAMUser/S3BucketPublic";
      assert.deepEqual(actionsOf(finding(policyFinding)), ["notify"]);
    });
  });

  it("by default only notifies, and acting actions stay in detect mode until enforced", () => {
    const cc = finding(guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8));
    assert.deepEqual(planResponse(cc, DEFAULT_ROUTES, enforceAll).actions.map((a) => a.action), ["notify"]);
    const plan = planResponse(cc, routes, { isolate: "enforce" });
    assert.deepEqual(plan.actions.map((a) => [a.action, a.mode]), [["scan", "detect"], ["isolate", "enforce"], ["block", "detect"], ["notify", "enforce"]]);
    assert.deepEqual(plan.routes, ["notify-guardduty", "instance-compromise"]);
  });

  it("names the target of each action and why, and skips what cannot apply", () => {
    const cc = planResponse(finding(guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8)), routes, enforceAll);
    const isolate = cc.actions.find((a) => a.action === "isolate")!;
    assert.match(isolate.instanceId ?? "", /^i-/);
    assert.match(isolate.reason, /Backdoor:EC2\/C&CActivity\.B on i-.* \(account \d{12}, [a-z0-9-]+\)/);
    assert.deepEqual(cc.actions.find((a) => a.action === "block")!.addresses, [PUBLIC_IP]);

    const privateOnly = guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8);
    privateOnly.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "10.1.2.3";
    const plan = planResponse(finding(privateOnly), routes, enforceAll);
    assert.deepEqual(plan.skipped, [{ action: "block", reason: "every remote address is private or reserved" }]);

    const root = sharedFixture("guardduty-aws-api-call.json");
    root.detail.resource.accessKeyDetails = { accessKeyId: "AKIAEXAMPLE123456789", principalId: "444455556666", userType: "Root", userName: "Root" };
    const rootPlan = planResponse(finding(root), routes, enforceAll);
    assert.deepEqual(rootPlan.actions.map((a) => a.action), ["notify"]);
    assert.match(rootPlan.skipped[0].reason, /Root principal cannot be restricted/);
  });

  it("says why each requested action cannot apply to a finding", () => {
    const all: FindingRoute[] = [{ name: "all", actions: ["isolate", "scan", "block", "restrictCredentials", "blockPublicAccess", "notify"] }];
    const bare: ResponderFinding = { ...finding(guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8)), instanceId: undefined, remoteIps: [], principal: undefined, bucketNames: [] };
    assert.deepEqual(planResponse(bare, all, enforceAll).skipped, [
      { action: "scan", reason: "the finding names no EC2 instance" },
      { action: "isolate", reason: "the finding names no EC2 instance" },
      { action: "block", reason: "the finding names no remote address" },
      { action: "restrictCredentials", reason: "the finding names no access key" },
      { action: "blockPublicAccess", reason: "the finding names no bucket" },
    ]);
    const badName = { ...bare, principal: { type: "IAMUser", name: "bad name!" } };
    assert.deepEqual(planResponse(badName, all, enforceAll).skipped.find((s) => s.action === "restrictCredentials"), { action: "restrictCredentials", reason: "the finding names no valid user or role name" });
    const role = { ...bare, principal: { type: "AssumedRole", name: "app-role", accessKeyId: "ASIAEXAMPLE" } };
    assert.deepEqual(planResponse(role, all, enforceAll).actions.find((a) => a.action === "restrictCredentials")!.principal, { type: "AssumedRole", name: "app-role", accessKeyId: "ASIAEXAMPLE" });
    // Past the cap, the first 20 addresses not blocked are listed, then an ellipsis.
    const many = { ...bare, remoteIps: Array.from({ length: 75 }, (_, i) => `93.184.0.${i + 1}`) };
    const capped = planResponse(many, [{ name: "b", actions: ["block"] }], enforceAll).skipped[0].reason;
    assert.equal(capped, `75 public remote addresses: the first 50 blocked, 25 not (cap per finding): ${Array.from({ length: 20 }, (_, i) => `93.184.0.${i + 51}`).join(", ")}, …`);
    const few = { ...bare, remoteIps: Array.from({ length: 52 }, (_, i) => `93.184.0.${i + 1}`) };
    assert.equal(planResponse(few, [{ name: "b", actions: ["block"] }], enforceAll).skipped[0].reason, "52 public remote addresses: the first 50 blocked, 2 not (cap per finding): 93.184.0.51, 93.184.0.52");
  });

  it("keeps GuardDuty's sample mark on the finding", () => {
    const sample = guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8);
    sample.detail.service.additionalInfo = { sample: true };
    assert.equal(finding(sample).sample, true);
    assert.equal("sample" in finding(guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8)), false);
  });

  it("a finding naming thousands of addresses blocks at most MAX_BLOCKS_PER_FINDING; the rest are reported (issue 18, point 6)", () => {
    const many: ResponderFinding = { ...finding(guardDutyEvent("Backdoor:EC2/C&CActivity.B", 8)), remoteIps: Array.from({ length: 5000 }, (_, i) => `93.184.${i >> 8}.${i & 255}`) };
    const plan = planResponse(many, [{ name: "block", actions: ["block"] }], enforceAll);
    assert.equal(plan.actions.find((a) => a.action === "block")!.addresses!.length, MAX_BLOCKS_PER_FINDING);
    assert.match(plan.skipped.find((s) => s.action === "block")!.reason, /5000 public remote addresses: the first 50 blocked, 4950 not \(cap per finding\)/);
  });

  it("checks severity bounds: minSeverity inclusive, belowSeverity exclusive", () => {
    const route: FindingRoute = { name: "medium", minSeverity: 4, belowSeverity: 7, actions: ["notify"] };
    const at = (s: number) => routeMatches(route, finding(guardDutyEvent("Recon:EC2/Portscan", s)));
    assert.deepEqual([3.9, 4, 6.9, 7].map(at), [false, true, true, false]);
  });

  it("builds EventBridge patterns that select what the route selects", () => {
    assert.deepEqual(eventPattern(routes[1]), {
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { type: routes[1].typePrefixes!.map((prefix) => ({ prefix })), severity: [{ numeric: [">=", 7] }] },
    });
    assert.deepEqual(eventPattern({ name: "m", source: "macie", minSeverity: 4, actions: ["notify"] }), {
      source: ["aws.macie"],
      "detail-type": ["Macie Finding"],
      detail: { severity: { description: ["Medium", "High"] } },
    });
    assert.deepEqual(eventPattern({ name: "all", actions: ["notify"] }), { source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] });
  });

  it("the EventBridge pattern of a route selects exactly the findings the route matches (property)", () => {
    const TYPES = ["Backdoor:EC2/C&CActivity.B", "Recon:EC2/Portscan", "UnauthorizedAccess:IAMUser/ConsoleLogin", "Policy:S3/BucketBlockPublicAccessDisabled", "CryptoCurrency:EC2/BitcoinTool.B!DNS"];
    const route = fc.record(
      {
        name: fc.constant("r"),
        typePrefixes: fc.option(fc.subarray(["Backdoor:", "Recon:EC2/", "UnauthorizedAccess:IAMUser/", "Policy:S3/Bucket", "Crypto"], { minLength: 1 }), { nil: undefined }),
        minSeverity: fc.option(fc.constantFrom(1, 4, 7, 9), { nil: undefined }),
        belowSeverity: fc.option(fc.constantFrom(4, 7, 9.5), { nil: undefined }),
        actions: fc.constant<ResponseAction[]>(["notify"]),
      },
      { requiredKeys: ["name", "actions"] },
    ).filter((r) => r.minSeverity === undefined || r.belowSeverity === undefined || r.minSeverity < r.belowSeverity);
    fc.assert(
      fc.property(route, fc.constantFrom(...TYPES), fc.integer({ min: 10, max: 100 }).map((n) => n / 10), (generated, type, severity) => {
        const r: FindingRoute = { ...generated };
        const event = guardDutyEvent(type, severity);
        assert.equal(matchesPattern(eventPattern(r), event), routeMatches(r, finding(event)), JSON.stringify({ r, type, severity }));
      }),
      { numRuns: 500 },
    );
  });

  describe("validation", () => {
    const bad: Array<[unknown, RegExp]> = [
      [[], /non-empty list/],
      [[{ name: "x", actions: [] }], /actions: must be a non-empty list/],
      [[{ name: "x", actions: ["explode"] }], /"explode" is not one of/],
      [[{ name: "x", actions: ["protectBucket"] }], /"protectBucket" does not apply to guardduty/],
      [[{ name: "x", source: "macie", actions: ["isolate"] }], /"isolate" does not apply to macie/],
      [[{ name: "x", source: "inspector", actions: ["notify"] }], /source/],
      [[{ name: "x", minSeverity: 11, actions: ["notify"] }], /minSeverity: must be a number from 0 to 10/],
      [[{ name: "x", minSeverity: 7, belowSeverity: 4, actions: ["notify"] }], /minSeverity must be below/],
      [[{ name: "x", source: "macie", minSeverity: 9, actions: ["notify"] }], /holds none of Macie/],
      [[{ name: "x", typePrefixes: ["Backdoor:EC2/*"], actions: ["notify"] }], /typePrefixes\[0\]/],
      [[{ name: "x", actions: ["notify"] }, { name: "x", actions: ["notify"] }], /two routes are named "x"/],
      [[{ name: "x", actions: ["notify"], extra: 1 }], /unknown field "extra"/],
    ];
    for (const [input, message] of bad) it(`refuses ${JSON.stringify(input).slice(0, 80)}`, () => assert.throws(() => validateRoutes(input), message));
    it("names the field and what it must be", () => {
      const message = (input: unknown) => {
        try {
          validateRoutes(input);
        } catch (err) {
          return (err as Error).message;
        }
        return "accepted";
      };
      const notify = { name: "x", actions: ["notify"] };
      assert.equal(message(Array.from({ length: 51 }, (_, i) => ({ ...notify, name: `r${i}` }))), "routes: has more than 50 routes");
      assert.equal(message(Array.from({ length: 50 }, (_, i) => ({ ...notify, name: `r${i}` }))), "accepted");
      assert.equal(message([notify, null]), "routes[1]: must be an object");
      assert.equal(message([["notify"]]), "routes[0]: must be an object");
      assert.equal(message([{ ...notify, name: "a".repeat(41) }]), "routes[0].name: must be 1–40 letters, digits or hyphens");
      assert.equal(message([{ ...notify, name: "a".repeat(40) }]), "accepted");
      assert.equal(message([{ ...notify, name: "has space" }]), "routes[0].name: must be 1–40 letters, digits or hyphens");
      assert.equal(message([{ ...notify, typePrefixes: [] }]), "routes[0].typePrefixes: must be a non-empty list");
      assert.equal(message([{ ...notify, typePrefixes: "Backdoor:EC2/" }]), "routes[0].typePrefixes: must be a non-empty list");
      assert.equal(message([{ ...notify, belowSeverity: -1 }]), "routes[0].belowSeverity: must be a number from 0 to 10");
      assert.equal(message([{ ...notify, minSeverity: "7" }]), "routes[0].minSeverity: must be a number from 0 to 10");
      assert.equal(message([{ ...notify, minSeverity: 10.1 }]), "accepted");
      assert.equal(message([{ ...notify, minSeverity: 5, belowSeverity: 5 }]), "routes[0]: minSeverity must be below belowSeverity");
      // Macie's labels map to 2, 5 and 8: a range must hold one of them (below is exclusive).
      assert.equal(message([{ ...notify, source: "macie", belowSeverity: 2 }]), "routes[0]: the severity range holds none of Macie's Low (2), Medium (5), High (8)");
      assert.equal(message([{ ...notify, source: "macie", belowSeverity: 2.1 }]), "accepted");
      assert.equal(message([{ ...notify, source: "macie", minSeverity: 8 }]), "accepted");
      assert.equal(message([{ ...notify, source: "macie", minSeverity: 6, belowSeverity: 8 }]), "routes[0]: the severity range holds none of Macie's Low (2), Medium (5), High (8)");
    });

    it("keeps what a route says, and nothing it does not", () => {
      assert.deepEqual(validateRoutes([{ name: "r", minSeverity: 4, belowSeverity: 7, typePrefixes: ["Recon:EC2/"], actions: ["notify", "notify", "block"] }]), [
        { name: "r", source: "guardduty", typePrefixes: ["Recon:EC2/"], minSeverity: 4, belowSeverity: 7, actions: ["notify", "block"] },
      ]);
      assert.deepEqual(validateRoutes([{ name: "m", source: "macie", actions: ["protectBucket"] }]), [{ name: "m", source: "macie", actions: ["protectBucket"] }]);
    });

    it("refuses unknown modes", () => {
      assert.throws(() => validateModes([]), /^Error: modes: must be an object$/);
      assert.throws(() => validateModes(null), /^Error: modes: must be an object$/);
      assert.deepEqual(validateModes(undefined), {});
      assert.throws(() => validateModes({ isolate: "yes" }), /must be "enforce" or "detect"/);
      assert.throws(() => validateModes({ notify: "detect" }), /unknown action "notify"/);
      assert.deepEqual(validateModes({ scan: "enforce" }), { scan: "enforce" });
    });
  });
});
