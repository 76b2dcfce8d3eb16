import { strict as assert } from "node:assert";
import { catalog, parameterValues } from "../../policies/catalog";
import { LAMBDA_RUNTIMES } from "../../policies/rules/lambda/entries";
import { containsUnknown } from "../../policies/preview";
import { rules } from "../../policies/rules";
import type { Case } from "../../policies/rules/cases";
import { caseFiles, type CaseKind, casesOf, Outcome, ruleFiles, runCase as run, verdictMismatch } from "./rule-cases";

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

  it("the harness holds every kind of case to exactly its verdicts: an extra verdict of the other sort fails it", () => {
    const violation = { about: "t", message: "t (Trail) has no kmsKeyId: set it", cannotJudge: false };
    const undecided = { about: "t", message: "t (Trail): kmsKeyId is unknown until the update", cannotJudge: true };
    assert.equal(verdictMismatch("violating", [violation]), undefined);
    assert.match(verdictMismatch("violating", [violation, undecided])!, /expected only violations/);
    assert.match(verdictMismatch("violating", [])!, /got none/);
    assert.equal(verdictMismatch("unknown", [undecided]), undefined);
    assert.match(verdictMismatch("unknown", [undecided, violation])!, /expected only cannot-judge/);
    assert.match(verdictMismatch("unknown", [])!, /got none/);
    assert.equal(verdictMismatch("compliant", []), undefined);
    assert.match(verdictMismatch("compliant", [undecided])!, /expected no verdict/);
    assert.match(verdictMismatch("notApplicable", [violation])!, /expected no verdict/);
  });

  it("lambda-function-settings-check: its Config rule is deployed exactly when a case's config gives timeout and memory size, with them", () => {
    const { compliant, violating, notApplicable = [], unknown = [] } = casesOf("lambda-function-settings-check");
    const entry = catalog.find((e) => e.id === "lambda-function-settings-check")!;
    const deprecated: string[] = (entry.parameters!.deprecatedRuntimes as { default: string[] }).default;
    const configs = [...compliant, ...violating, ...notApplicable, ...unknown].map((c) => c.config ?? {});
    assert.ok(configs.some((c) => c.timeout !== undefined) && configs.some((c) => c.timeout === undefined));
    for (const config of [...configs, { timeout: 30 }, { memorySize: 512 }]) {
      const deployed = entry.awsConfigParameters!(parameterValues(entry, config));
      if (config.timeout === undefined || config.memorySize === undefined) {
        assert.equal(deployed, null, JSON.stringify(config));
        continue;
      }
      assert.deepEqual(deployed, { runtime: LAMBDA_RUNTIMES.filter((r) => !deprecated.includes(r)).join(","), timeout: String(config.timeout), memorySize: String(config.memorySize) });
      assert.ok((deployed as Record<string, string>).runtime.split(",").includes("nodejs22.x"));
    }
  });

  for (const id of [...caseFiles.keys()].sort()) {
    describe(id, () => {
      const { compliant, violating, notApplicable = [], unknown = [] } = casesOf(id);
      const judged = (kind: CaseKind, c: Case) => {
        const found = run(id, c);
        const mismatch = verdictMismatch(kind, found);
        assert.equal(mismatch, undefined, mismatch);
        if (found.length > 0) assertAbout(found, c);
      };
      for (const c of compliant) it(`compliant: ${c.title}`, () => judged("compliant", c));
      for (const c of notApplicable) it(`not applicable: ${c.title}`, () => judged("notApplicable", c));
      for (const c of unknown) it(`unknown at preview: ${c.title}`, () => judged("unknown", c));
      for (const c of violating) it(`violation: ${c.title}`, () => judged("violating", c));
    });
  }
});
