/**
 * SARIF validation for tests: the SARIF 2.1.0 JSON schema (ajv) and Microsoft's SARIF Multitool `validate` (npm
 * @microsoft/sarif-multitool, a self-contained .NET binary for linux-x64, darwin and win32).
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

/**
 * The SARIF 2.1.0 JSON schema (draft-04) as Microsoft's @microsoft/jest-sarif package ships it, with its formats (uri,
 * date-time) checked. `unicodeRegExp: false` because the schema's pattern for `language` is not valid in Unicode mode.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** The Multitool's binary for this platform (its npm package's postinstall makes it executable; `npm ci --ignore-scripts` does not). */
function multitoolBinary(): string {
  const bin = require.resolve(`@microsoft/sarif-multitool-${process.platform}/Sarif.Multitool${process.platform === "win32" ? ".exe" : ""}`);
  if (process.platform !== "win32") chmodSync(bin, 0o755);
  return bin;
}

/**
 * The Multitool's configuration: its built-in settings, except SARIF2006 (UrisShouldBeReachable), a note-level rule that
 * sends an HTTP GET to every URI in the log (each rule's helpUri): minutes of network waits per run and a verdict that
 * depends on the network, never an error. The Multitool reports the disabled rule as a configuration warning (WRN999).
 */
const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

export interface MultitoolFinding {
  readonly file: string;
  readonly level: "error" | "warning" | "note";
  readonly ruleId: string;
  readonly message: string;
}

interface ValidationLog {
  runs: Array<{
    tool: { driver: { rules?: Array<{ id: string; messageStrings?: Record<string, { text: string }> }> } };
    results?: Array<{
      ruleId: string;
      ruleIndex?: number;
      level?: "error" | "warning" | "note";
      message: { text?: string; id?: string; arguments?: string[] };
      locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
    }>;
    invocations?: Array<{
      toolExecutionNotifications?: Array<{ level?: string; message: { text: string }; descriptor?: { id: string } }>;
      toolConfigurationNotifications?: Array<{ level?: string; message: { text: string }; descriptor?: { id: string } }>;
    }>;
  }>;
}

/**
 * Runs `Sarif.Multitool validate` once over `files` with its default rules (`Sarif`), GitHub's (`Gh`) and the schema
 * check it always makes, and returns its errors and warnings. Tool notifications at error level are
 * returned as errors of the file "(multitool)".
 *
 * Known blind spot of 5.7.0: a log that does not deserialize into its object model (an enum value outside the schema,
 * such as `"level": "bogus"`) makes the whole run report nothing, for every file, with exit code 0. Callers include a
 * file with known errors to prove the run analyzed the batch, and check the schema with `sarifValidator()` too.
 */
export function multitoolValidate(files: readonly string[], workDir: string): MultitoolFinding[] {
  const config = join(workDir, "multitool.config.xml");
  const out = join(workDir, "multitool-validation.sarif");
  writeFileSync(config, CONFIG);
  const args = ["validate", ...files, "--output", out, "--log", "ForceOverwrite", "--config", config, "--rule-kind", "Sarif;Gh", "--level", "Error;Warning", "--quiet"];
  // Invariant globalization: the binary needs no ICU libraries (CI images often lack them).
  const run = spawnSync(multitoolBinary(), args, { encoding: "utf8", env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" }, timeout: 600_000 });
  if (!existsSync(out)) throw new Error(`the SARIF Multitool wrote no log (exit ${run.status}): ${run.error?.message ?? ""}${run.stdout}${run.stderr}`);
  const log = JSON.parse(readFileSync(out, "utf8")) as ValidationLog;
  const findings: MultitoolFinding[] = [];
  for (const r of log.runs) {
    const rules = r.tool.driver.rules ?? [];
    for (const result of r.results ?? []) {
      const template = result.message.id ? rules[result.ruleIndex ?? -1]?.messageStrings?.[result.message.id]?.text : undefined;
      const message = result.message.text ?? template?.replace(/\{(\d+)\}/g, (_, i: string) => result.message.arguments?.[Number(i)] ?? "") ?? result.message.id ?? "";
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? "";
      findings.push({ file: uri.startsWith("file://") ? decodeURIComponent(new URL(uri).pathname) : uri, level: result.level ?? "warning", ruleId: result.ruleId, message });
    }
    for (const inv of r.invocations ?? []) {
      for (const n of [...(inv.toolExecutionNotifications ?? []), ...(inv.toolConfigurationNotifications ?? [])]) {
        if (n.level === "error") findings.push({ file: "(multitool)", level: "error", ruleId: n.descriptor?.id ?? "notification", message: n.message.text });
      }
    }
  }
  return findings;
}
