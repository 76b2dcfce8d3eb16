import { strict as assert } from "node:assert";
import { catalog } from "../../policies/catalog";
import { containsUnknown } from "../../policies/preview";
import { rules } from "../../policies/rules";
import type { Case } from "../../policies/rules/cases";
import { caseFiles, casesOf, Outcome, ruleFiles, runCase as run } from "./rule-cases";

function assertAbout(found: Outcome[], c: Case) {
  for (const f of found) {
    assert.equal(f.about, c.about, f.message);
    assert.ok(f.message.length > 10);
    // A reviewer reads the message without the resource beside it: it names the resource it is about.
    if (c.about !== undefined) assert.ok(f.message.includes(c.about), `message does not name ${c.about}: ${f.message}`);
    // ...and says what is wrong beyond naming it: a message reduced to its resource's label, or one that prints a
    // missing value, tells nobody what to change.
    assert.doesNotMatch(f.message, /\b(undefined|null|NaN)\b|\[object Object\]/, `message prints a missing value: ${f.message}`);
    const rest = f.message.replace(/\S+ \([A-Za-z0-9]+\)/g, " ").split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w));
    assert.ok(rest.length >= 3, `message says nothing beyond the resource it names: ${f.message}`);
  }
  if (c.says !== undefined) assert.ok(found.some((f) => f.message.includes(c.says!)), `no message says "${c.says}": ${found.map((f) => f.message).join(" / ")}`);
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

  it("every rule has a case under preview semantics: a value unknown at preview, judged as cannot-judge or settled by known inputs", () => {
    const withoutUnknown = [...caseFiles.keys()].filter((id) => {
      const { compliant, violating, notApplicable = [], unknown = [] } = casesOf(id);
      return ![...compliant, ...violating, ...notApplicable, ...unknown].some((c) => containsUnknown(c.input));
    });
    assert.deepEqual(withoutUnknown.sort(), []);
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
