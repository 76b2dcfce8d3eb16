import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toolVersion } from "../../cli/main";
import { render } from "../../cli/report";
import { multitoolValidate, sarifValidator } from "../harness/sarif";
import { checkCorpus, corpusPrograms } from "./corpus";

/**
 * The SARIF `kamae check --format sarif` writes for every program of the corpus passes Microsoft's SARIF Multitool
 * `validate` (its default rules, GitHub's rules and its schema check) and the SARIF 2.1.0 JSON schema, with no error:
 * what GitHub code scanning ingests. The runs are the corpus suite's (`checkCorpus()`), rendered as the CLI renders.
 */

/**
 * A log with known problems, validated in the same Multitool run as the corpus: its errors prove the run analyzed the
 * batch (a log the Multitool cannot deserialize silences the whole run). A result without `locations` is refused by
 * GitHub's rules; a rule that is only an id draws the default rules' SARIF2004 warning.
 */
const SENTINEL = {
  $schema: "https://json.schemastore.org/sarif-2.1.0.json",
  version: "2.1.0",
  runs: [
    {
      tool: { driver: { name: "sentinel", version: "1.0.0", informationUri: "https://example.com/sentinel", rules: [{ id: "S1" }] } },
      results: [{ ruleId: "S1", level: "error", message: { text: "A result with no location." } }],
    },
  ],
};

describe("SARIF of every corpus program: Microsoft's SARIF Multitool (default and GitHub rules, schema) and the SARIF 2.1.0 schema", function () {
  // One `kamae check` per program (shared with the corpus suite), then one Multitool run over all of them.
  this.timeout(45 * 60 * 1000);
  const work = mkdtempSync(join(tmpdir(), "kamae-corpus-sarif-"));
  const sarif = new Map<string, string>();
  const files = new Map<string, string>();
  const failed: string[] = [];

  before(async () => {
    const version = toolVersion();
    for (const [name, run] of await checkCorpus()) {
      if (run.error !== undefined) {
        failed.push(`${name}: ${run.error}`);
        continue;
      }
      const text = render(run.report, "sarif", version);
      const file = join(work, `${name}.sarif`);
      writeFileSync(file, text);
      sarif.set(name, text);
      files.set(file, name);
    }
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it("has a SARIF log for every program (each ran to completion)", () => {
    assert.deepEqual(failed, []);
    assert.deepEqual([...sarif.keys()].sort(), corpusPrograms().map((p) => p.name).sort());
  });

  it("validates against the SARIF 2.1.0 JSON schema", () => {
    const validate = sarifValidator();
    const invalid = [...sarif].flatMap(([name, text]) => (validate(JSON.parse(text)) ? [] : [`${name}: ${JSON.stringify(validate.errors?.slice(0, 5))}`]));
    assert.deepEqual(invalid, []);
  });

  it("passes `Sarif.Multitool validate` with its default rules, GitHub's rules (--rule-kind Gh) and its schema check, with no error", () => {
    const sentinel = join(work, "sentinel.sarif");
    writeFileSync(sentinel, JSON.stringify(SENTINEL));
    const findings = multitoolValidate([...files.keys(), sentinel], work);
    const sentinelRules = new Set(findings.filter((f) => f.file === sentinel).map((f) => f.ruleId));
    assert.ok([...sentinelRules].some((r) => r.startsWith("GH")), `GitHub's rules did not run: ${[...sentinelRules].join(", ")}`);
    assert.ok(sentinelRules.has("SARIF2004"), `the default rules did not run: ${[...sentinelRules].join(", ")}`);
    const errors = findings.filter((f) => f.level === "error" && f.file !== sentinel).map((f) => `${files.get(f.file) ?? f.file}: ${f.ruleId} ${f.message}`);
    assert.deepEqual(errors, []);
  });
});
