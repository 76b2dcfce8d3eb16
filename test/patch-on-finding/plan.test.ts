import fc from "fast-check";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseInspectorEvent, type InspectorFinding } from "../../components/shared/events/inspector";
import { commandComment, planPatch, screen, type PatchSettings, type PatchState } from "../../components/patch-on-finding/lambda/plan";

const event = JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures/inspector-ec2-package-vulnerability.json"), "utf8"));
const parsed = parseInspectorEvent(event);
if (!parsed.ok) throw new Error(parsed.reason);
const finding: InspectorFinding = parsed.value;

const settings = fc.record({
  mode: fc.constantFrom("enforce" as const, "detect" as const),
  minSeverity: fc.constantFrom("LOW" as const, "MEDIUM" as const, "HIGH" as const, "CRITICAL" as const),
  maxConcurrent: fc.integer({ min: 1, max: 10 }),
  cooldownMinutes: fc.integer({ min: 0, max: 1440 }),
  strategy: fc.constantFrom("immediate" as const, "maintenance-window" as const),
  pendingTagKey: fc.constant("kamae:patch-pending"),
  rebootOption: fc.constantFrom("RebootIfNeeded" as const, "NoReboot" as const),
}) as fc.Arbitrary<PatchSettings>;

const state: fc.Arbitrary<PatchState> = fc.record({
  managed: fc.boolean(),
  pingStatus: fc.constantFrom(undefined, "Online", "ConnectionLost", "Inactive"),
  recentCommands: fc.array(
    fc.record({ commandId: fc.uuid(), status: fc.constantFrom("Pending", "InProgress", "Success", "Failed", "Cancelled", "TimedOut", "Delayed"), ageMinutes: fc.integer({ min: 0, max: 2000 }) }),
    { maxLength: 4 },
  ),
  runningCommands: fc.integer({ min: 0, max: 12 }),
  pendingTagValue: fc.constantFrom(undefined, "true"),
});

describe("PatchOnFinding plan (properties)", () => {
  it("never plans more than one action, only on the finding's instance, and only when every guard allows it", () => {
    fc.assert(
      fc.property(settings, state, (s, st) => {
        const plan = planPatch(finding, st, s);
        assert.ok(plan.actions.length <= 1);
        assert.equal(plan.accountId, finding.accountId);
        assert.equal(plan.region, finding.region);
        if (plan.actions.length === 0) return;
        const [action] = plan.actions;
        assert.equal(action.instanceId, finding.instanceId);
        assert.ok(st.managed, "never acts on an unmanaged instance");
        assert.ok(!st.recentCommands.some((c) => ["Pending", "InProgress", "Delayed"].includes(c.status)), "never while a patch runs");
        assert.ok(!st.recentCommands.some((c) => c.status === "Success" && c.ageMinutes <= s.cooldownMinutes), "never within the cooldown");
        if (action.kind === "run-patch-baseline") {
          assert.equal(s.strategy, "immediate");
          assert.ok(st.runningCommands < s.maxConcurrent, "never beyond the concurrency limit");
          assert.ok(st.pingStatus === undefined || st.pingStatus === "Online");
          assert.ok(action.comment.length <= 100);
        } else {
          assert.equal(s.strategy, "maintenance-window");
          assert.notEqual(st.pendingTagValue, "true");
        }
      }),
    );
  });

  it("screens severities against the minimum for every pair", () => {
    const order = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
    for (const sev of [...order, "UNTRIAGED" as const]) {
      for (const min of ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const) {
        const result = screen({ ...finding, severity: sev }, { ...baseSettings, minSeverity: min });
        const qualifies = sev !== "UNTRIAGED" && order.indexOf(sev) >= order.indexOf(min);
        assert.equal(result === undefined, qualifies, `${sev} vs ${min}`);
      }
    }
  });

  it("the cooldown includes its last minute: a success exactly cooldownMinutes ago still holds the patch back, one minute older does not", () => {
    const ready: PatchState = { managed: true, pingStatus: "Online", recentCommands: [], runningCommands: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), fc.constantFrom(-1, 0, 1), (cooldown, offset) => {
        const age = cooldown + offset;
        fc.pre(age >= 0);
        const plan = planPatch(finding, { ...ready, recentCommands: [{ commandId: "c-1", status: "Success", ageMinutes: age }] }, { ...baseSettings, cooldownMinutes: cooldown });
        assert.equal(plan.outcome, offset <= 0 ? "already-handled" : "act", `success ${age} minutes ago, cooldown ${cooldown}`);
      }),
      { examples: [[60, 0], [60, 1], [0, 0]] },
    );
  });

  it("keeps the command comment within Run Command's 100 characters", () => {
    assert.equal(commandComment({ ...finding, vulnerabilityId: "X".repeat(200) }).length, 100);
  });
});

const baseSettings: PatchSettings = { mode: "enforce", minSeverity: "HIGH", maxConcurrent: 1, cooldownMinutes: 0, strategy: "immediate", pendingTagKey: "k", rebootOption: "NoReboot" };
