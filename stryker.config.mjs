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
  // Mutants that do not compile are dropped before any test runs; KAMAE_MUTATION_TYPECHECK=0 skips the check (faster
  // on a loaded machine; such mutants then count as killed by the failing run).
  checkers: process.env.KAMAE_MUTATION_TYPECHECK === "0" ? [] : ["typescript"],
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
  thresholds: { high: 90, low: 85, break: Number(process.env.KAMAE_MUTATION_BREAK ?? 0) || null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
