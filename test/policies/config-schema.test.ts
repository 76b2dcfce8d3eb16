import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { catalog, parameterValues } from "../../policies/catalog";
import { policies } from "../../policies/policies";
import { rules } from "../../policies/rules";
import type { RuleCases } from "../../policies/rules/cases";

// A parameter a rule reads but the catalog does not carry is silently ignored (the pack passes only the catalog's
// parameters): each rule runs on its cases with a configuration that records what the rule reads.

const rulesDir = join(__dirname, "..", "..", "policies", "rules");
function casesOf(id: string): RuleCases | undefined {
  for (const service of readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    if (readdirSync(join(rulesDir, service.name)).includes(`${id}.cases.ts`)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(join(rulesDir, service.name, `${id}.cases.ts`)).default;
    }
  }
  return undefined;
}

describe("policy configuration: the catalog carries every parameter a rule reads", () => {
  it("each built policy's configSchema is the catalog's parameters plus suppressions and cannotJudge", () => {
    for (const policy of policies) {
      const entry = catalog.find((e) => e.id === policy.name)!;
      const schemaKeys = Object.keys((policy.configSchema as any).properties).sort();
      assert.deepEqual(schemaKeys, [...Object.keys(entry.parameters ?? {}), "cannotJudge", "suppressions"].sort(), policy.name);
    }
  });

  for (const rule of rules) {
    it(rule.id, () => {
      const entry = catalog.find((e) => e.id === rule.id)!;
      const cases = casesOf(rule.id);
      if (!cases) return;
      const read = new Set<string>();
      for (const c of [...cases.compliant, ...cases.violating, ...(cases.notApplicable ?? []), ...(cases.unknown ?? [])]) {
        const config = new Proxy(parameterValues(entry, c.config ?? {}), {
          get: (target, key) => {
            if (typeof key === "string") read.add(key);
            return target[key as string];
          },
        });
        try {
          if (rule.kind === "resource") rule.check(c.input as any, config);
          else rule.check(c.input as any, config);
        } catch {
          // What was read until then counts; the rule cases test judges the outcome.
        }
      }
      const carried = Object.keys(entry.parameters ?? {});
      assert.deepEqual([...read].filter((k) => !carried.includes(k)), [], `${rule.id} reads parameters its catalog entry does not carry`);
    });
  }
});
