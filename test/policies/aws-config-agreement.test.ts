import { strict as assert } from "node:assert";
import { catalog } from "../../policies/catalog";
import { containsUnknown } from "../../policies/preview";
import type { AwsConfigDifference, Case } from "../../policies/rules/cases";
import { AWAITING_AWS_CONFIG_VERDICTS } from "./aws-config-awaiting";
import { caseFiles, casesOf, runCase } from "./rule-cases";

/**
 * Preview and the deployed AWS Config rule agree (issue 20, item 3): every catalog entry with an AWS Config managed
 * rule judges the same fixtures both ways. Each rule's cases carry the Config rule's verdict on the deployed state
 * (`judgedByAwsConfig` in policies/rules/cases.ts, read from the Config rule's definition); the rule's preview verdict
 * must equal it, except where the case records a deliberate difference and why (then the two must really differ).
 */

const judgeable = (id: string): Case[] => {
  const c = casesOf(id);
  return [...c.compliant, ...c.violating, ...(c.notApplicable ?? [])];
};
/**
 * A case whose resources hold a value unknown at preview may describe several deployed states: its verdict is optional
 * (given, it is checked). Unknown cases have none.
 */
const deployedStateKnown = (c: Case) => !containsUnknown(c.input);
const withConfigRule = catalog.filter((e) => e.awsConfigIdentifier !== undefined && caseFiles.has(e.id));
const isDifference = (v: unknown): v is AwsConfigDifference => typeof v === "object" && v !== null;

describe("preview and the deployed AWS Config rule agree on every catalog entry (the same fixtures judged both ways)", () => {
  it("every case of every entry with a Config rule has the Config rule's verdict, but for the entries still awaiting review", () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const entry of withConfigRule) {
      const verdicts = casesOf(entry.id).awsConfig ?? {};
      if (AWAITING_AWS_CONFIG_VERDICTS.has(entry.id)) {
        // The list only shrinks: an entry that has its verdicts leaves it.
        if (Object.keys(verdicts).length > 0) stale.push(entry.id);
        continue;
      }
      const titles = new Set(judgeable(entry.id).map((c) => c.title));
      for (const c of judgeable(entry.id)) if (deployedStateKnown(c) && verdicts[c.title] === undefined) missing.push(`${entry.id}: no AWS Config verdict for "${c.title}"`);
      for (const t of Object.keys(verdicts)) if (!titles.has(t)) missing.push(`${entry.id}: a verdict for "${t}", which is no compliant, violating or not-applicable case`);
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(stale, [], "remove these from test/policies/aws-config-awaiting.ts: their cases have the Config rule's verdicts");
    const unknownIds = [...AWAITING_AWS_CONFIG_VERDICTS].filter((id) => !withConfigRule.some((e) => e.id === id));
    assert.deepEqual(unknownIds, [], "entries in the awaiting list that have no AWS Config rule or no cases");
  });

  const reviewed = withConfigRule.filter((e) => !AWAITING_AWS_CONFIG_VERDICTS.has(e.id));
  after(() => {
    const differences = reviewed.flatMap((e) => Object.entries(casesOf(e.id).awsConfig ?? {}).filter(([, v]) => isDifference(v)).map(([t, v]) => `  ${e.id} / ${t}: ${(v as AwsConfigDifference).why}`));
    console.log(`      AWS Config agreement: ${reviewed.length} of ${withConfigRule.length} entries judged both ways; ${differences.length} deliberate differences:\n${differences.join("\n")}`);
  });

  for (const entry of reviewed) {
    describe(`${entry.id} (${entry.awsConfigIdentifier})`, () => {
      const verdicts = casesOf(entry.id).awsConfig ?? {};
      for (const c of judgeable(entry.id)) {
        const verdict = verdicts[c.title];
        if (verdict === undefined) continue; // reported by the meta-test above
        const config = isDifference(verdict) ? verdict.awsConfig : verdict;
        it(`${c.title}: AWS Config ${config}${isDifference(verdict) ? ", deliberately not the pack's verdict" : ""}`, () => {
          const previewFlags = runCase(entry.id, c).some((f) => !f.cannotJudge);
          const configFlags = config === "NON_COMPLIANT";
          if (isDifference(verdict)) assert.notEqual(previewFlags, configFlags, `recorded as a difference (${verdict.why}), but both ${configFlags ? "flag" : "pass"} it`);
          else assert.equal(previewFlags, configFlags, `preview ${previewFlags ? "flags" : "passes"} it, AWS Config ${configFlags ? "flags" : "passes"} it`);
        });
      }
    });
  }
});
