/**
 * The rule cases beside every rule (`policies/rules/<service>/<rule>.cases.ts`) and how a case is judged by its rule,
 * as the pack judges it: shared by the rule suite and the AWS Config agreement suite.
 */
import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { catalog, parameterValues } from "../../policies/catalog";
import { Rule } from "../../policies/model";
import { isCannotJudge } from "../../policies/preview";
import { rules } from "../../policies/rules";
import type { Case, RuleCases } from "../../policies/rules/cases";

const rulesDir = join(__dirname, "..", "..", "policies", "rules");
const services = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
/** Rule files (`<service>/<rule>.ts`) and case files (`<service>/<rule>.cases.ts`), by rule id. */
export const ruleFiles = new Map<string, string>();
export const caseFiles = new Map<string, string>();
for (const service of services) {
  for (const file of readdirSync(join(rulesDir, service))) {
    const cases = /^(.+)\.cases\.ts$/.exec(file);
    if (cases) caseFiles.set(cases[1], join(rulesDir, service, file));
    else if (!["index.ts", "entries.ts"].includes(file) && file.endsWith(".ts")) ruleFiles.set(file.slice(0, -3), join(rulesDir, service, file));
  }
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const casesOf = (id: string): RuleCases => require(caseFiles.get(id)!).default;

const ruleById = new Map<string, Rule>(rules.map((r) => [r.id, r]));

export interface Outcome {
  readonly about?: string;
  readonly message: string;
  readonly cannotJudge: boolean;
}

/** The rule's verdicts on one case, with the catalog's parameter defaults under the case's config. */
export function runCase(id: string, c: Case): Outcome[] {
  const rule = ruleById.get(id)!;
  const entry = catalog.find((e) => e.id === id)!;
  const config = parameterValues(entry, c.config ?? {});
  if (rule.kind === "resource") {
    assert.ok(!Array.isArray(c.input), `${id}: resource rule case must be one resource`);
    assert.ok(entry.resourceTypes.includes(c.input.type), `${id}: ${c.input.type} is not among the catalog's resource types`);
    const about = c.input.name;
    return rule.check(c.input, config).map((f) => (isCannotJudge(f) ? { about, message: f.cannotJudge, cannotJudge: true } : { about, message: f, cannotJudge: false }));
  }
  assert.ok(Array.isArray(c.input), `${id}: stack rule case must be a list`);
  return rule.check(c.input, config).map((v) => ({ about: v.resource?.name, message: v.message, cannotJudge: v.cannotJudge === true }));
}

export type CaseKind = "compliant" | "violating" | "notApplicable" | "unknown";

/**
 * Whether a case's verdicts are exactly what its kind requires (undefined), else what is wrong: compliant and
 * not-applicable cases yield nothing; violating cases violations only; unknown cases cannot-judge verdicts only
 * (never compliant, never a violation: policies/preview.ts). An extra verdict of the other sort fails the case.
 */
export function verdictMismatch(kind: CaseKind, found: readonly Outcome[]): string | undefined {
  const got = JSON.stringify(found);
  if (kind === "compliant" || kind === "notApplicable") return found.length === 0 ? undefined : `expected no verdict, got ${got}`;
  const wanted = kind === "unknown";
  if (found.length === 0) return `expected ${wanted ? "cannot-judge verdicts" : "violations"}, got none`;
  return found.every((f) => f.cannotJudge === wanted) ? undefined : `expected only ${wanted ? "cannot-judge verdicts" : "violations"}, got ${got}`;
}
