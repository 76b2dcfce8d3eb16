/**
 * The program corpus (test/programs/README.md): realistic Pulumi programs written from AWS and Pulumi documentation,
 * each with the findings a reviewer expects, judged by hand against the AWS Config rule definitions. Other suites
 * iterate it (`corpusPrograms()`) and score a run against it (`score`).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { CheckReport, checkProgram } from "../../cli/check";

/** One expected verdict: the policy, the resource (logical name, or "stack") and the level it is reported at. */
export interface ExpectedFinding {
  readonly policy: string;
  readonly resource: string;
  readonly level: "mandatory" | "advisory";
  /** Why, in the words of the AWS Config rule (or Kamae's rule) definition. */
  readonly why: string;
}

export interface Expected {
  /** Where the program comes from (AWS or Pulumi documentation). */
  readonly source: string;
  /** Violations a preview can prove. */
  readonly violations: readonly ExpectedFinding[];
  /** Verdicts that depend on a value unknown at preview (reported as cannot-judge). */
  readonly cannotJudge: readonly ExpectedFinding[];
  /** Resource types the offline run cannot expand (remote components), with their counts. */
  readonly notExpanded?: Readonly<Record<string, number>>;
}

export interface CorpusProgram {
  readonly name: string;
  readonly dir: string;
  /** Absent until a reviewer has written `expected.json`. */
  readonly expected?: Expected;
}

export const CORPUS_DIR = __dirname;

/** Every program of the corpus, by name. */
export function corpusPrograms(): CorpusProgram[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, "Pulumi.yaml")))
    .map((d) => {
      const file = join(CORPUS_DIR, d.name, "expected.json");
      return { name: d.name, dir: join(CORPUS_DIR, d.name), ...(existsSync(file) ? { expected: JSON.parse(readFileSync(file, "utf8")) as Expected } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A finding as a run reported it (kamae check's JSON, or the engine's diagnostics mapped the same way). */
export interface ReportedFinding {
  readonly policy: string;
  readonly resource: string;
  readonly level: string;
  readonly cannotJudge: boolean;
  readonly suppressed: boolean;
}

export interface Score {
  readonly truePositives: number;
  readonly reported: number;
  readonly expected: number;
  /** Reported violations no reviewer expects. */
  readonly falsePositives: string[];
  /** Expected violations the run missed (or reported at another level, or only as cannot-judge). */
  readonly missed: string[];
  readonly mandatoryFalsePositives: string[];
  /** Cannot-judge verdicts reported (not violations: outside precision). */
  readonly cannotJudge: number;
  /** Differences in the cannot-judge verdicts, both ways. */
  readonly cannotJudgeDiff: string[];
}

const key = (f: { policy: string; resource: string; level: string }) => `${f.policy} on ${f.resource} (${f.level})`;

/** Compares a run's findings with the expected ones (suppressed findings are neither). */
export function score(expected: Expected, reported: readonly ReportedFinding[]): Score {
  const live = reported.filter((f) => !f.suppressed);
  const violations = new Set(live.filter((f) => !f.cannotJudge).map(key));
  const wanted = new Set(expected.violations.map(key));
  const falsePositives = [...violations].filter((k) => !wanted.has(k));
  const unknownGot = new Set(live.filter((f) => f.cannotJudge).map(key));
  const unknownWanted = new Set(expected.cannotJudge.map(key));
  return {
    truePositives: [...violations].filter((k) => wanted.has(k)).length,
    reported: violations.size,
    expected: wanted.size,
    falsePositives,
    missed: [...wanted].filter((k) => !violations.has(k)),
    mandatoryFalsePositives: falsePositives.filter((k) => k.endsWith("(mandatory)")),
    cannotJudge: unknownGot.size,
    cannotJudgeDiff: [...[...unknownGot].filter((k) => !unknownWanted.has(k)).map((k) => `unexpected: ${k}`), ...[...unknownWanted].filter((k) => !unknownGot.has(k)).map((k) => `missing: ${k}`)],
  };
}

/** One program's `kamae check` run: its report, or why it failed. */
export type CorpusRun = { readonly report: CheckReport; readonly error?: undefined } | { readonly report?: undefined; readonly error: string };

let corpusRuns: Promise<Map<string, CorpusRun>> | undefined;

/**
 * `kamae check` on every program of the corpus, once per test process: the suites that judge the runs (findings,
 * SARIF) share it. Programs run one after the other (each is its own process, and so is the pack).
 */
export function checkCorpus(): Promise<Map<string, CorpusRun>> {
  corpusRuns ??= (async () => {
    const runs = new Map<string, CorpusRun>();
    for (const p of corpusPrograms()) {
      try {
        runs.set(p.name, { report: await checkProgram(p.dir) });
      } catch (e) {
        runs.set(p.name, { error: (e as Error).message });
      }
    }
    return runs;
  })();
  return corpusRuns;
}
