import { strict as assert } from "node:assert";
import { CheckReport } from "../../cli/check";
import { KAMAE_WIRING } from "../../policies/catalog";
import { checkCorpus, corpusPrograms, ReportedFinding, score, Score } from "./corpus";

/**
 * `kamae check` on every program of the corpus, as CI runs it: each program runs to completion, its findings match
 * the hand-reviewed expected file, and the figures (precision, mandatory false positives) meet the bar. The SARIF of
 * every program is validated by sarif.test.ts, from the same runs.
 */
const programs = corpusPrograms();
/** The programs whose expected findings have been reviewed (the others are reported by the first test). */
const reviewed = programs.filter((p) => p.expected !== undefined);

const reported = (report: CheckReport): ReportedFinding[] =>
  report.findings.map((f) => ({ policy: f.policyId, resource: f.resourceName ?? "stack", level: f.level, cannotJudge: f.cannotJudge, suppressed: f.suppressed }));

describe("program corpus: kamae check on realistic programs (test/programs)", function () {
  // Every program is its own process, and so is the pack: minutes on a loaded 2-core machine.
  this.timeout(45 * 60 * 1000);
  const reports = new Map<string, CheckReport>();
  const failures = new Map<string, string>();
  const scores = new Map<string, Score>();

  before(async () => {
    const runs = await checkCorpus();
    for (const p of reviewed) {
      const run = runs.get(p.name)!;
      if (run.error !== undefined) {
        failures.set(p.name, run.error);
        continue;
      }
      reports.set(p.name, run.report);
      scores.set(p.name, score(p.expected!, reported(run.report)));
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
    const sum = (f: (s: Score) => number) => all.reduce((n, s) => n + f(s), 0);
    const tp = sum((s) => s.truePositives);
    const reportedCount = sum((s) => s.reported);
    const precision = reportedCount === 0 ? 1 : tp / reportedCount;
    const fps = [...scores.entries()].flatMap(([name, s]) => s.falsePositives.map((f) => `${name}: ${f}`));
    console.log(
      `      corpus: ${programs.length} programs, ${reviewed.length} reviewed, ${reports.size} completed; ${reportedCount} violations reported, ${sum((s) => s.expected)} expected, ` +
        `${tp} true, ${fps.length} false positives (${sum((s) => s.mandatoryFalsePositives.length)} mandatory), ${sum((s) => s.missed.length)} missed; ` +
        `${sum((s) => s.cannotJudge)} cannot-judge; precision ${(precision * 100).toFixed(1)}%`,
    );
    assert.deepEqual([...scores.entries()].flatMap(([name, s]) => s.mandatoryFalsePositives.map((f) => `${name}: ${f}`)), []);
    assert.ok(precision >= 0.98, `precision ${(precision * 100).toFixed(1)}% < 98%; false positives:\n${fps.join("\n")}`);
  });

  it("lists the remote components it could not expand, by type and count, as each expected file says", () => {
    const differences = [...reports.entries()].flatMap(([name, report]) => {
      const counts: Record<string, number> = {};
      for (const r of report.notExpanded) counts[r.type] = (counts[r.type] ?? 0) + 1;
      const wanted = programs.find((p) => p.name === name)!.expected!.notExpanded ?? {};
      return JSON.stringify(counts, Object.keys(counts).sort()) === JSON.stringify(wanted, Object.keys(wanted).sort()) ? [] : [`${name}: ${JSON.stringify(counts)} not expanded, expected ${JSON.stringify(wanted)}`];
    });
    assert.deepEqual(differences, []);
  });

  it("judges no program that uses no Kamae component by Kamae's wiring policies (not even as passing)", () => {
    const usesKamae = (report: CheckReport) => report.resources.some((r) => r.type.startsWith("kamae:") || r.urn.includes("kamae:index:"));
    const workloads = [...reports.entries()].filter(([, report]) => !usesKamae(report));
    const judged = workloads.flatMap(([name, report]) => [
      ...report.evaluations.filter((e) => KAMAE_WIRING.has(e.policyId)).map((e) => `${name}: ${e.policyId} ${e.compliance} ${e.resourceUrn ?? "(stack)"}`),
      ...report.passingPolicies.filter((p) => KAMAE_WIRING.has(p)).map((p) => `${name}: ${p} passing`),
    ]);
    assert.deepEqual(judged, []);
    // What those policies would judge is there: functions with no protection layer, instances and groups untagged.
    const subjects = (type: string) => workloads.filter(([, report]) => report.resources.some((r) => r.type === type)).length;
    assert.ok(subjects("aws:lambda/function:Function") >= 3 && subjects("aws:ec2/instance:Instance") + subjects("aws:autoscaling/group:Group") >= 2, "the corpus has workloads the wiring policies would judge");
  });

  it("gives the expected cannot-judge verdicts (what a preview leaves unknown)", () => {
    assert.deepEqual([...scores.entries()].flatMap(([name, s]) => s.cannotJudgeDiff.map((d) => `${name}: ${d}`)), []);
  });
});
