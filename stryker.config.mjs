// Mutation testing (StrykerJS): which tests notice a plausible bug in the code that decides. One area at a time
// (KAMAE_MUTATION_AREA), each with its own incremental report in test/mutation/, so a change re-tests only the
// mutants it touched. Run through `npm run test:mutation` (scripts/mutation.mjs); README "Mutation testing".
import { areas } from "./test/mutation/areas.mjs";

const name = process.env.KAMAE_MUTATION_AREA ?? "parsers";
const area = areas[name];
if (!area) throw new Error(`KAMAE_MUTATION_AREA must be one of ${Object.keys(areas).join(", ")}`);

export default {
  packageManager: "npm",
  testRunner: "mocha",
  mochaOptions: { config: ".mocharc.json", spec: area.tests },
  // No TypeScript checker unless KAMAE_MUTATION_TYPECHECK=1 (then mutants that do not compile are dropped before any
  // test runs; without it they count as killed by the failing run): the committed reports and their floors are
  // measured without it, and it takes minutes on two shared cores.
  checkers: process.env.KAMAE_MUTATION_TYPECHECK === "1" ? ["typescript"] : [],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // Mutants in code that runs at module load (rule registrations, constant tables) need a fresh process each: on two
  // shared cores that is hours. They are left out of the score (reported as ignored) and covered by the rule tables.
  ignoreStatic: true,
  mutate: area.mutate,
  ignorePatterns: [".cache", "dist", "bench/.work", "reports", ".stryker-tmp", "examples/**/node_modules"],
  incremental: true,
  incrementalFile: `test/mutation/${name}.incremental.json`,
  concurrency: Number(process.env.KAMAE_MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Under the break threshold the run fails: the area's recorded floor (areas.mjs), or KAMAE_MUTATION_BREAK.
  thresholds: { high: 90, low: 85, break: Number(process.env.KAMAE_MUTATION_BREAK ?? area.floor ?? 0) || null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
