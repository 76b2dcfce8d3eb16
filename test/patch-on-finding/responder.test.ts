import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { meetsSeverity, parseInspectorEvent, parseInspectorFinding } from "../../components/shared/events/inspector";
import { COMMENT_PREFIX, type PatchSettings } from "../../components/patch-on-finding/lambda/plan";
import { DeferredError, respond, type PatchReport, type ResponderDeps } from "../../components/patch-on-finding/lambda/responder";
import { settingsFromEnv } from "../../components/patch-on-finding/lambda/settings";
import { FakeAws } from "./fakes";

const fixture = (name: string): any => JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures", `${name}.json`), "utf8"));
const HOME = "111122223333";
const MEMBER = "444455556666";
const TARGET = { accountId: HOME, region: "us-east-1" };
const INSTANCE = "i-0123456789abcdef0";
const TOPIC = `arn:aws:sns:us-east-1:${HOME}:kamae-reports`;

const SETTINGS: PatchSettings = {
  mode: "enforce",
  minSeverity: "HIGH",
  maxConcurrent: 2,
  cooldownMinutes: 360,
  strategy: "immediate",
  pendingTagKey: "kamae:patch-pending",
  rebootOption: "RebootIfNeeded",
};

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("PatchOnFinding", () => {
  let aws: FakeAws;
  let deps: ResponderDeps;
  const make = (settings: Partial<PatchSettings> = {}): ResponderDeps => ({
    clients: aws.clients,
    settings: { ...SETTINGS, ...settings },
    topicArn: TOPIC,
    sns: aws.snsClient(),
    now: aws.clock.now,
    reported: aws.reported,
    log: silent,
  });

  beforeEach(() => {
    aws = new FakeAws(HOME, [MEMBER]);
    aws.topics.add(TOPIC);
    aws.addInstance(TARGET, INSTANCE);
    deps = make();
  });

  describe("the Inspector finding parser", () => {
    it("reads an EC2 package vulnerability", () => {
      const parsed = parseInspectorEvent(fixture("inspector-ec2-package-vulnerability"));
      assert.ok(parsed.ok, parsed.ok ? "" : parsed.reason);
      assert.deepEqual(parsed.value, {
        findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/4f0c3a2b1e9d8c7b6a5f4e3d2c1b0a99",
        accountId: HOME,
        region: "us-east-1",
        type: "PACKAGE_VULNERABILITY",
        severity: "HIGH",
        status: "ACTIVE",
        title: "CVE-2026-0001 - openssl-libs",
        resourceType: "AWS_EC2_INSTANCE",
        instanceId: INSTANCE,
        platform: "AMAZON_LINUX_2023",
        fixAvailable: "YES",
        exploitAvailable: "YES",
        vulnerabilityId: "CVE-2026-0001",
        inspectorScore: 7.5,
        packages: [{ name: "openssl-libs", version: "3.0.8", fixedInVersion: "1:3.0.8-1.amzn2023.0.20", packageManager: "OS" }],
        updatedAt: "Nov 22, 2026, 11:40:12 PM",
      });
    });

    it("takes the account and Region of the resource, not of the delegated administrator that forwards the event", () => {
      const parsed = parseInspectorEvent(fixture("inspector-ec2-member-account"));
      assert.ok(parsed.ok);
      assert.equal(parsed.value.accountId, MEMBER);
      assert.equal(parsed.value.region, "eu-west-1");
    });

    it("reads container image and network findings without an instance", () => {
      const ecr = parseInspectorEvent(fixture("inspector-ecr-image"));
      assert.ok(ecr.ok);
      assert.equal(ecr.value.instanceId, undefined);
      const net = parseInspectorEvent(fixture("inspector-ec2-network-reachability"));
      assert.ok(net.ok);
      assert.equal(net.value.type, "NETWORK_REACHABILITY");
    });

    it("rejects malformed findings with the reasons", () => {
      const base = fixture("inspector-ec2-package-vulnerability");
      const bad = (mutate: (d: any) => void) => {
        const e = structuredClone(base);
        mutate(e.detail);
        return parseInspectorEvent(e);
      };
      const cases: Array<[(d: any) => void, RegExp]> = [
        [(d) => (d.resources[0].id = "i-123; rm -rf /"), /not an instance id/],
        [(d) => (d.findingArn = "arn:aws:guardduty:us-east-1:111122223333:finding/x"), /not an inspector2 finding ARN/],
        [(d) => (d.severity = "SEVERE"), /not an Inspector severity/],
        [(d) => (d.resources = []), /resources is missing or empty/],
        [(d) => (d.awsAccountId = "1234"), /12-digit/],
        [(d) => (d.resources[0].region = "us-east-1'"), /not an AWS Region/],
      ];
      for (const [mutate, reason] of cases) {
        const r = bad(mutate);
        assert.ok(!r.ok);
        assert.match(r.reason, reason);
      }
      const wrongSource = { ...base, source: "aws.guardduty" };
      assert.ok(!parseInspectorEvent(wrongSource).ok);
    });

    it("never throws, whatever the input", () => {
      fc.assert(fc.property(fc.anything(), (x) => {
        const r = parseInspectorFinding(x);
        assert.equal(typeof r.ok, "boolean");
      }));
      const hostile = { get findingArn(): string { throw new Error("boom"); } };
      assert.ok(!parseInspectorFinding(hostile).ok);
    });

    it("orders severities, and UNTRIAGED never qualifies", () => {
      assert.ok(meetsSeverity("CRITICAL", "HIGH"));
      assert.ok(meetsSeverity("HIGH", "HIGH"));
      assert.ok(!meetsSeverity("MEDIUM", "HIGH"));
      assert.ok(!meetsSeverity("UNTRIAGED", "LOW"));
    });
  });

  describe("immediate patching through Run Command", () => {
    it("runs AWS-RunPatchBaseline Install on exactly the finding's instance, and reports it", async () => {
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), deps)) as PatchReport;
      assert.equal(report.outcome, "act");
      assert.equal(report.commandIds.length, 1);
      const [command] = aws.commandsOf(TARGET);
      assert.equal(command.DocumentName, "AWS-RunPatchBaseline");
      assert.deepEqual(command.InstanceIds, [INSTANCE]);
      assert.deepEqual(command.Parameters, { Operation: ["Install"], RebootOption: ["RebootIfNeeded"] });
      assert.equal(command.Comment, `${COMMENT_PREFIX} CVE-2026-0001`);
      assert.equal(aws.published.length, 1);
      const message = JSON.parse(aws.published[0].Message);
      assert.equal(message.accountId, HOME);
      assert.equal(message.region, "us-east-1");
      assert.equal(message.instanceId, INSTANCE);
      assert.match(aws.published[0].Subject!, /patching i-0123456789abcdef0 in 111122223333\/us-east-1/);
    });

    it("a replay is quiet (issue 18, point 11): the answered update publishes and sends nothing; an update of the finding is judged again", async () => {
      const event = fixture("inspector-ec2-package-vulnerability");
      await respond(event, deps);
      assert.deepEqual(await respond(event, deps), { replay: event.detail.findingArn });
      assert.deepEqual(aws.writes, ["ssm:SendCommand", "sns:Publish"]);
      event.detail.updatedAt = "2026-11-24T00:00:00Z";
      assert.equal(((await respond(event, deps)) as PatchReport).outcome, "already-handled");
      assert.deepEqual(aws.writes, ["ssm:SendCommand", "sns:Publish", "sns:Publish"], "the update is told the patch is running, once");
    });

    it("unmanaged, protected and detect-mode findings redelivered are reported once", async () => {
      aws.addInstance(TARGET, "i-0bbbbbbbbbbbbbbb1", { managed: false });
      const unmanaged = JSON.parse(JSON.stringify(fixture("inspector-ec2-package-vulnerability")).replaceAll(INSTANCE, "i-0bbbbbbbbbbbbbbb1"));
      unmanaged.detail.findingArn = unmanaged.detail.findingArn.replace(/.{4}$/, "beef"); // one finding per resource
      await respond(unmanaged, deps);
      await respond(unmanaged, deps);
      const detect = make({ mode: "detect" });
      const event = fixture("inspector-ec2-package-vulnerability");
      await respond(event, detect);
      await respond(event, detect);
      assert.deepEqual(aws.published.map((p) => p.Subject!.split(" ").slice(2, 4).join(" ")), ["unmanaged i-0bbbbbbbbbbbbbbb1", "would patch"]);
    });

    it("is idempotent without the record of answered findings: a replay while the command runs, or after it succeeded, sends nothing", async () => {
      const event = fixture("inspector-ec2-package-vulnerability");
      await respond(event, deps);
      aws.answered.clear(); // as if it could not be written
      const replay = (await respond(event, deps)) as PatchReport;
      assert.equal(replay.outcome, "already-handled");
      assert.deepEqual(replay.actions, []);
      aws.commandsOf(TARGET)[0].Status = "Success";
      aws.clock.advance(60 * 60_000);
      aws.answered.clear();
      const later = (await respond(event, deps)) as PatchReport;
      assert.equal(later.outcome, "already-handled");
      assert.match(later.reason, /was patched by command .* within the last 360 minutes/);
      assert.equal(aws.writes.filter((w) => w === "ssm:SendCommand").length, 1);
      // After the cooldown a still-active finding is patched again (a reboot or a newer fix may be due).
      aws.clock.advance(6 * 60 * 60_000);
      aws.answered.clear();
      assert.equal(((await respond(event, deps)) as PatchReport).outcome, "act");
    });

    it("sees a command still running even with no cooldown", async () => {
      aws.addCommand(TARGET, { instanceId: INSTANCE, status: "InProgress", comment: "weekly patching", minutesAgo: 90 });
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), make({ cooldownMinutes: 0 }))) as PatchReport;
      assert.equal(report.outcome, "already-handled");
      assert.match(report.reason, /is already InProgress/);
    });

    it("retries an instance whose earlier patch command failed", async () => {
      aws.addCommand(TARGET, { instanceId: INSTANCE, status: "Failed", comment: `${COMMENT_PREFIX} CVE-2026-0001`, minutesAgo: 10 });
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), deps)) as PatchReport;
      assert.equal(report.outcome, "act");
    });

    it("holds at most N of its own commands at once, and defers the rest for retry (nothing lost)", async () => {
      aws.addInstance(TARGET, "i-0aaaaaaaaaaaaaaa1");
      aws.addInstance(TARGET, "i-0aaaaaaaaaaaaaaa2");
      aws.addCommand(TARGET, { instanceId: "i-0aaaaaaaaaaaaaaa1", status: "InProgress", comment: `${COMMENT_PREFIX} CVE-2026-0002` });
      aws.addCommand(TARGET, { instanceId: "i-0aaaaaaaaaaaaaaa2", status: "Pending", comment: `${COMMENT_PREFIX} CVE-2026-0003` });
      // Someone else's patch run does not count against the responder's limit.
      aws.addCommand(TARGET, { instanceId: "i-0aaaaaaaaaaaaaaa2", status: "InProgress", comment: "weekly patching" });
      await assert.rejects(() => respond(fixture("inspector-ec2-package-vulnerability"), deps), (err: Error) => err instanceof DeferredError && /2 patch commands are running \(limit 2\)/.test(err.message));
      assert.equal(aws.commandsOf(TARGET).filter((c) => c.InstanceIds.includes(INSTANCE)).length, 0);
      assert.match(JSON.parse(aws.published[0].Message).reason, /retry later/);
      aws.commandsOf(TARGET)[0].Status = "Success";
      assert.equal(((await respond(fixture("inspector-ec2-package-vulnerability"), deps)) as PatchReport).outcome, "act");
    });

    it("counts running commands across pages of ListCommands", async () => {
      for (let i = 0; i < 60; i++) {
        const id = `i-0b${String(i).padStart(15, "0")}`;
        aws.addInstance(TARGET, id);
        aws.addCommand(TARGET, { instanceId: id, status: "InProgress", comment: i < 59 ? "someone else" : `${COMMENT_PREFIX} x` });
      }
      aws.addCommand(TARGET, { instanceId: "i-0b000000000000000", status: "Pending", comment: `${COMMENT_PREFIX} y` });
      await assert.rejects(() => respond(fixture("inspector-ec2-package-vulnerability"), deps), /2 patch commands are running/);
    });

    it("reports an unmanaged instance instead of sending a command SSM would refuse", async () => {
      aws.world(TARGET).instances.get(INSTANCE)!.managed = false;
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), deps)) as PatchReport;
      assert.equal(report.outcome, "unmanaged");
      assert.match(report.reason, /not managed by Systems Manager/);
      assert.deepEqual(aws.writes, ["sns:Publish"]);
    });

    it("turns InvalidInstanceId at send time (the agent went offline after the read) into a report", async () => {
      // Online at the read, gone by the write: the fake refuses the SendCommand as SSM does.
      aws.beforeSendCommand = () => (aws.world(TARGET).instances.get(INSTANCE)!.pingStatus = "ConnectionLost");
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), deps)) as PatchReport;
      assert.equal(report.outcome, "unmanaged");
      assert.match(report.reason, /no longer reachable by Run Command \(Instances \[\[i-0123456789abcdef0\]\] not in a valid state/);
      assert.equal(aws.commandsOf(TARGET).length, 0);
    });

    it("defers when the agent is not Online", async () => {
      aws.world(TARGET).instances.get(INSTANCE)!.pingStatus = "ConnectionLost";
      await assert.rejects(() => respond(fixture("inspector-ec2-package-vulnerability"), deps), /SSM Agent is ConnectionLost/);
    });

    it("acts in the member account and Region the finding names, and refuses accounts not enrolled", async () => {
      const member = { accountId: MEMBER, region: "eu-west-1" };
      aws.addInstance(member, "i-0fedcba9876543210");
      const report = (await respond(fixture("inspector-ec2-member-account"), deps)) as PatchReport;
      assert.equal(report.outcome, "act");
      assert.equal(aws.commandsOf(member).length, 1);
      assert.equal(aws.commandsOf(TARGET).length, 0);
      const stranger = fixture("inspector-ec2-member-account");
      stranger.detail.awsAccountId = "999999999999";
      stranger.detail.findingArn = "arn:aws:inspector2:eu-west-1:999999999999:finding/5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";
      await assert.rejects(() => respond(stranger, deps), /not enrolled/);
    });
  });

  describe("what is not patched", () => {
    const ignored: Array<[string, (e: any) => void, RegExp]> = [
      ["below the minimum severity", (e) => (e.detail.severity = "MEDIUM"), /severity MEDIUM is below HIGH/],
      ["closed", (e) => (e.detail.status = "CLOSED"), /the finding is CLOSED/],
      ["without a fix", (e) => (e.detail.fixAvailable = "NO"), /no fix is available/],
      ["untriaged", (e) => (e.detail.severity = "UNTRIAGED"), /below HIGH/],
    ];
    for (const [what, mutate, reason] of ignored) {
      it(`ignores a finding ${what}`, async () => {
        const e = fixture("inspector-ec2-package-vulnerability");
        mutate(e);
        const report = (await respond(e, deps)) as PatchReport;
        assert.equal(report.outcome, "ignored");
        assert.match(report.reason, reason);
        assert.deepEqual(aws.writes, []);
      });
    }

    it("ignores container images and network reachability findings", async () => {
      for (const name of ["inspector-ecr-image", "inspector-ec2-network-reachability"]) {
        assert.equal(((await respond(fixture(name), deps)) as PatchReport).outcome, "ignored");
      }
      assert.deepEqual(aws.writes, []);
    });

    it("logs and rejects malformed events without acting", async () => {
      const warnings: string[] = [];
      const d = { ...deps, log: { info: () => undefined, warn: (m: string, x?: any) => warnings.push(`${m} ${x?.reason}`), error: () => undefined } };
      for (const event of [null, "x", { source: "aws.inspector2" }, fixture("inspector-ec2-closed").detail]) {
        const r = await respond(event, d);
        assert.ok("rejected" in r);
      }
      assert.equal(warnings.length, 4);
      assert.deepEqual(aws.writes, []);
    });
  });

  describe("detect mode", () => {
    it("reports the plan and changes nothing", async () => {
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), make({ mode: "detect" }))) as PatchReport;
      assert.equal(report.mode, "detect");
      assert.equal(report.actions[0].kind, "run-patch-baseline");
      assert.equal(aws.commandsOf(TARGET).length, 0);
      assert.deepEqual(aws.writes, ["sns:Publish"]);
      assert.match(aws.published[0].Subject!, /would patch/);
    });
  });

  describe("maintenance-window strategy", () => {
    it("tags the instance for the window's patch task, once", async () => {
      const d = make({ strategy: "maintenance-window" });
      const report = (await respond(fixture("inspector-ec2-package-vulnerability"), d)) as PatchReport;
      assert.equal(report.actions[0].kind, "tag-for-maintenance-window");
      assert.equal(aws.world(TARGET).instances.get(INSTANCE)!.tags["kamae:patch-pending"], "true");
      assert.equal(aws.commandsOf(TARGET).length, 0);
      assert.ok("replay" in (await respond(fixture("inspector-ec2-package-vulnerability"), d)));
      assert.deepEqual(aws.writes, ["ec2:CreateTags", "sns:Publish"]);
      // Without the record (it could not be written), the tag makes the replay a no-op that is reported.
      aws.answered.clear();
      const replay = (await respond(fixture("inspector-ec2-package-vulnerability"), d)) as PatchReport;
      assert.equal(replay.outcome, "already-handled");
      assert.deepEqual(aws.writes, ["ec2:CreateTags", "sns:Publish", "sns:Publish"]);
    });
  });

  describe("settings", () => {
    it("reads the environment with safe defaults and clear errors", () => {
      assert.throws(() => settingsFromEnv({}), /KAMAE_TABLE_NAME is required/);
      const s = settingsFromEnv({ KAMAE_TABLE_NAME: "t" });
      assert.equal(s.mode, "detect");
      assert.equal(s.minSeverity, "HIGH");
      assert.equal(s.maxConcurrent, 5);
      assert.throws(() => settingsFromEnv({ KAMAE_TABLE_NAME: "t", KAMAE_MAX_CONCURRENT: "0" }), /KAMAE_MAX_CONCURRENT must be >= 1/);
      assert.throws(() => settingsFromEnv({ KAMAE_TABLE_NAME: "t", KAMAE_MIN_SEVERITY: "SEVERE" }), /KAMAE_MIN_SEVERITY must be one of/);
    });
  });
});
