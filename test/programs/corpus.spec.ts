import { strict as assert } from "node:assert";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { CheckReport, checkProgram } from "../../cli/check";
import { renderSarif } from "../../cli/report";
import { corpusPrograms, ReportedFinding, score, Score } from "./corpus";

/**
 * `kamae check` on every program of the corpus, as CI runs it: each program runs to completion, its findings match
 * the hand-reviewed expected file, the figures (precision, mandatory false positives) meet the bar, and its SARIF
 * passes Microsoft's SARIF Multitool (default rules, GitHub rules, schema).
 */
const programs = corpusPrograms();
/** The programs whose expected findings have been reviewed (the others are reported by the first test). */
const reviewed = programs.filter((p) => p.expected !== undefined);

const reported = (report: CheckReport): ReportedFinding[] =>
  report.findings.map((f) => ({ policy: f.policyId, resource: f.resourceName ?? "stack", level: f.level, cannotJudge: f.cannotJudge, suppressed: f.suppressed }));

/** The Multitool's binary (its npm package's postinstall makes it executable; `npm ci --ignore-scripts` does not). */
function multitool(): string {
  const bin = require.resolve("@microsoft/sarif-multitool-linux/Sarif.Multitool");
  chmodSync(bin, 0o755);
  return bin;
}

/** Errors the Multitool reports for one SARIF file with one rule set. */
function multitoolErrors(file: string, ruleKind: string | undefined): string[] {
  const out = `${file}.${ruleKind ?? "default"}.validation.sarif`;
  const args = ["validate", file, "--output", out, "--log", "ForceOverwrite", ...(ruleKind ? ["--rule-kind", ruleKind] : [])];
  const run = spawnSync(multitool(), args, { encoding: "utf8", env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" } });
  assert.ok(existsSync(out), `the Multitool wrote no log: ${run.stdout}${run.stderr}`);
  const log = JSON.parse(readFileSync(out, "utf8")) as { runs: Array<{ results?: Array<{ level?: string; ruleId: string; message: { text?: string } }>; invocations?: Array<{ toolExecutionNotifications?: Array<{ level?: string; message: { text: string } }> }> }> };
  const results = log.runs.flatMap((r) => r.results ?? []).filter((r) => r.level === "error");
  const notifications = log.runs.flatMap((r) => r.invocations ?? []).flatMap((i) => i.toolExecutionNotifications ?? []).filter((n) => n.level === "error");
  return [...results.map((r) => `${r.ruleId}: ${r.message.text ?? ""}`), ...notifications.map((n) => n.message.text)];
}

describe("program corpus: kamae check on realistic programs (test/programs)", function () {
  // Every program is its own process, and so is the pack: minutes on a loaded 2-core machine.
  this.timeout(45 * 60 * 1000);
  const reports = new Map<string, CheckReport>();
  const failures = new Map<string, string>();
  const scores = new Map<string, Score>();
  const sarifDir = mkdtempSync(join(tmpdir(), "kamae-corpus-sarif-"));

  before(async () => {
    for (const p of reviewed) {
      try {
        const report = await checkProgram(p.dir);
        reports.set(p.name, report);
        scores.set(p.name, score(p.expected!, reported(report)));
        writeFileSync(join(sarifDir, `${p.name}.sarif`), JSON.stringify(renderSarif(report, "0.0.0-test")));
      } catch (e) {
        failures.set(p.name, (e as Error).message);
      }
    }
  });

  it("holds at least 30 programs, each with its expected findings", () => {
    assert.ok(programs.length >= 30, `${programs.length} programs`);
    assert.deepEqual(programs.filter((p) => p.expected === undefined).map((p) => p.name), [], "programs without a reviewed expected.json");
    for (const p of reviewed) assert.ok(p.expected!.source.length > 10, `${p.name}: expected.json names its source`);
  });

  it("runs every program to completion (100% complete)", () => {
    assert.deepEqual([...failures.entries()], []);
  });

  it("finds every expected violation, at its level, in every program", () => {
    const missed = [...scores.entries()].flatMap(([name, s]) => s.missed.map((m) => `${name}: ${m}`));
    assert.deepEqual(missed, []);
  });

  it("reports no mandatory false positive, and precision of at least 98%", () => {
    const all = [...scores.values()];
    const tp = all.reduce((n, s) => n + s.truePositives, 0);
    const reportedCount = all.reduce((n, s) => n + s.reported, 0);
    const precision = reportedCount === 0 ? 1 : tp / reportedCount;
    const fps = [...scores.entries()].flatMap(([name, s]) => s.falsePositives.map((f) => `${name}: ${f}`));
    console.log(`      corpus: ${programs.length} programs, ${reviewed.length} reviewed, ${reports.size} completed; ${reportedCount} violations reported, ${tp} expected; precision ${(precision * 100).toFixed(1)}%`);
    assert.deepEqual([...scores.entries()].flatMap(([name, s]) => s.mandatoryFalsePositives.map((f) => `${name}: ${f}`)), []);
    assert.ok(precision >= 0.98, `precision ${(precision * 100).toFixed(1)}% < 98%; false positives:\n${fps.join("\n")}`);
  });

  it("gives the expected cannot-judge verdicts (what a preview leaves unknown)", () => {
    assert.deepEqual([...scores.entries()].flatMap(([name, s]) => s.cannotJudgeDiff.map((d) => `${name}: ${d}`)), []);
  });

  for (const [kind, ruleKind] of [
    ["the Multitool's default rules and the schema", undefined],
    ["GitHub's rules (--rule-kind Gh)", "Gh"],
  ] as const) {
    it(`writes SARIF that passes ${kind}, for every program`, () => {
      const errors = [...reports.keys()].flatMap((name) => multitoolErrors(join(sarifDir, `${name}.sarif`), ruleKind).map((e) => `${name}: ${e}`));
      assert.deepEqual(errors, []);
    });
  }
});
