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
const ruleFiles = new Map<string, string>();
const caseFiles = new Map<string, string>();
for (const service of services) {
  for (const file of readdirSync(join(rulesDir, service))) {
    const cases = /^(.+)\.cases\.ts$/.exec(file);
    if (cases) caseFiles.set(cases[1], join(rulesDir, service, file));
    else if (!["index.ts", "entries.ts"].includes(file) && file.endsWith(".ts")) ruleFiles.set(file.slice(0, -3), join(rulesDir, service, file));
  }
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const casesOf = (id: string): RuleCases => require(caseFiles.get(id)!).default;

const ruleById = new Map<string, Rule>(rules.map((r) => [r.id, r]));

interface Outcome {
  readonly about?: string;
  readonly message: string;
  readonly cannotJudge: boolean;
}

function run(id: string, c: Case): Outcome[] {
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

function assertAbout(found: Outcome[], c: Case) {
  for (const f of found) {
    assert.equal(f.about, c.about, f.message);
    assert.ok(f.message.length > 10);
    // A reviewer reads the message without the resource beside it: it names the resource it is about.
    if (c.about !== undefined) assert.ok(f.message.includes(c.about), `message does not name ${c.about}: ${f.message}`);
  }
}

describe("policy rules (pure functions, cases beside each rule)", () => {
  it("every rule file is registered in policies/rules/index.ts, in its service's folder, with a cases file beside it", () => {
    assert.deepEqual([...ruleFiles.keys()].sort(), rules.map((r) => r.id).sort());
    assert.deepEqual([...caseFiles.keys()].sort(), [...ruleFiles.keys()].sort());
  });

  it("every previewable catalog entry has compliant and violating cases", () => {
    const previewable = catalog.filter((e) => e.preview !== "none").map((e) => e.id).sort();
    assert.deepEqual([...caseFiles.keys()].sort(), previewable);
    for (const id of caseFiles.keys()) {
      const c = casesOf(id);
      assert.ok(c.compliant.length > 0 && c.violating.length > 0, id);
    }
  });

  for (const id of [...caseFiles.keys()].sort()) {
    describe(id, () => {
      const { compliant, violating, notApplicable = [], unknown = [] } = casesOf(id);
      for (const c of compliant) it(`compliant: ${c.title}`, () => assert.deepEqual(run(id, c), []));
      for (const c of notApplicable) it(`not applicable: ${c.title}`, () => assert.deepEqual(run(id, c), []));
      // Unknown at preview: never compliant, never a violation either: only cannot-judge verdicts (policies/preview.ts).
      for (const c of unknown) {
        it(`unknown at preview: ${c.title}`, () => {
          const found = run(id, c);
          assert.ok(found.length > 0 && found.every((f) => f.cannotJudge), `expected only cannot-judge verdicts, got ${JSON.stringify(found)}`);
          assertAbout(found, c);
        });
      }
      for (const c of violating) {
        it(`violation: ${c.title}`, () => {
          const found = run(id, c);
          assert.ok(found.some((f) => !f.cannotJudge), "expected a violation");
          assertAbout(found, c);
        });
      }
    });
  }
});
