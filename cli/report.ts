import { createHash } from "node:crypto";
import { controlsText } from "./catalog";
import type { CheckReport, Finding } from "./check";

export const FORMATS = ["table", "json", "csv", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

const TOOL_URI = "https://www.npmjs.com/package/kamae";

/** The report in one of the output formats. */
export function render(report: CheckReport, format: Format, toolVersion: string): string {
  switch (format) {
    case "table":
      return renderTable(report);
    case "json":
      return `${JSON.stringify(renderJson(report), null, 2)}\n`;
    case "csv":
      return renderCsv(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report, toolVersion), null, 2)}\n`;
  }
}

/** The first line of a message (the pack's messages may carry detail after it). */
const firstLine = (s: string) => s.split("\n")[0];

/** Readable table: resource, policy, level, message; then the summary and what could not be expanded. */
export function renderTable(report: CheckReport): string {
  const rows = report.findings.map((f) => [
    f.resourceName ? `${f.resourceName} (${f.resourceType})` : (f.resourceUrn ?? "(stack)"),
    f.controls?.fsbp.length ? `${f.policyId} [${f.controls.fsbp.join(", ")}]` : f.policyId,
    [f.level, ...(f.cannotJudge ? ["cannot judge"] : []), ...(f.suppressed ? ["suppressed"] : [])].join(", "),
    firstLine(f.suppressed && f.suppressionReason ? `${f.suppressionReason}` : f.message),
  ]);
  const lines: string[] = [`Policy pack ${report.policyPack.name} ${report.policyPack.version} on ${report.project} (${report.summary.resources} resources)`, ""];
  if (rows.length === 0) {
    lines.push("No policy violations.");
  } else {
    const header = ["RESOURCE", "POLICY", "LEVEL", "MESSAGE"];
    const widths = header.map((h, i) => Math.min(i === 3 ? Infinity : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
    lines.push(line(header), ...rows.map(line));
  }
  const s = report.summary;
  lines.push("", `${s.violations} violation(s): ${s.mandatory} mandatory, ${s.advisory} advisory; ${s.suppressed} suppressed; ${s.cannotJudge} cannot be judged at preview.`);
  if (report.notExpanded.length > 0) {
    lines.push("", "Not expanded (remote components answered offline; their children were not checked):");
    for (const r of report.notExpanded) lines.push(`  ${r.name} (${r.type})`);
  }
  if (report.unansweredInvokes.length > 0) lines.push("", `Invokes with no offline answer: ${report.unansweredInvokes.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** JSON: every resource, every finding, the components not expanded. */
export function renderJson(report: CheckReport): Record<string, unknown> {
  return {
    project: report.project,
    stack: report.stack,
    policyPack: report.policyPack,
    summary: report.summary,
    resources: report.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, ...(r.parent ? { parent: r.parent } : {}) })),
    findings: report.findings.map((f) => ({
      policyId: f.policyId,
      configRuleId: f.configRuleId ?? null,
      controls: f.controls ?? null,
      resourceUrn: f.resourceUrn ?? null,
      level: f.level,
      message: f.message,
      suppressed: f.suppressed,
      ...(f.suppressionReason ? { suppressionReason: f.suppressionReason } : {}),
      cannotJudge: f.cannotJudge,
      ...(f.severity ? { severity: f.severity } : {}),
    })),
    notExpanded: report.notExpanded.map((r) => ({ urn: r.urn, type: r.type, name: r.name })),
    unansweredInvokes: report.unansweredInvokes,
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with cdk-nag's report columns; one row per finding. */
export function renderCsv(report: CheckReport): string {
  const header = ["Rule ID", "Resource ID", "Compliance", "Exception Reason", "Rule Level", "Rule Info"];
  const rows = report.findings.map((f) => [
    f.policyId,
    f.resourceUrn ?? "(stack)",
    f.suppressed ? "Suppressed" : "Non-Compliant",
    f.suppressed ? (f.suppressionReason ?? "") : "N/A",
    f.level === "mandatory" ? "Error" : "Warning",
    [f.description, f.configRuleId ? `AWS Config: ${f.configRuleId}` : "", controlsText(f.controls)].filter(Boolean).join(" "),
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** GitHub code scanning's `security-severity` scores (CVSS bands) for the catalog's severities. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** A rule's name in PascalCase (SARIF wants a name distinct from the id): `restricted-ssh` → `RestrictedSsh`. */
const ruleName = (id: string) => id.split(/[^a-z0-9]+/i).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");

const firstSentence = (text: string) => {
  const end = text.search(/\.(\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
};

const sarifLevel = (f: Finding): "error" | "warning" | "note" => (f.level === "mandatory" ? "error" : f.level === "advisory" ? "warning" : "note");

/** SARIF 2.1.0: rules from the pack and its catalog, one result per finding, located by URN (logical) and program file. */
export function renderSarif(report: CheckReport, toolVersion: string): Record<string, unknown> {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const rules = report.rules.map((r) => ({
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: firstSentence(r.description || r.id) },
    fullDescription: { text: r.description || r.id },
    help: { text: r.remediation ?? r.description, markdown: `${r.remediation ?? r.description}${r.configRuleId ? `\n\nAWS Config rule: \`${r.configRuleId}\`` : ""}` },
    ...(r.configRuleId ? { helpUri: `https://docs.aws.amazon.com/config/latest/developerguide/${r.id}.html` } : {}),
    defaultConfiguration: { level: r.enforcementLevel === "mandatory" ? "error" : r.enforcementLevel === "disabled" ? "none" : "warning", enabled: r.enforcementLevel !== "disabled" },
    properties: {
      ...(r.configRuleId ? { awsConfigRule: r.configRuleId } : {}),
      ...(r.cdkNagId ? { cdkNagRule: r.cdkNagId } : {}),
      ...(r.severity ? { severity: r.severity, "security-severity": SECURITY_SEVERITY[r.severity] } : {}),
      ...(r.controls ? { controls: r.controls } : {}),
      tags: ["security", "pulumi", ...(r.configRuleId ? [r.configRuleId] : []), ...(r.controls?.fsbp ?? []).map((id) => `FSBP/${id}`)],
    },
  }));
  const results = report.findings.map((f) => ({
    ruleId: f.policyId,
    ...(ruleIndex.has(f.policyId) ? { ruleIndex: ruleIndex.get(f.policyId) } : {}),
    level: sarifLevel(f),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: f.location?.file ?? report.programFile }, region: { startLine: f.location?.line ?? 1 } },
        logicalLocations: [
          {
            fullyQualifiedName: f.resourceUrn ?? `urn:pulumi:${report.stack}::${report.project}`,
            ...(f.resourceName ? { name: f.resourceName } : {}),
            kind: "resource",
          },
        ],
      },
    ],
    partialFingerprints: { "kamaeFinding/v1": createHash("sha256").update(`${f.policyId}\n${f.resourceUrn ?? ""}`).digest("hex") },
    ...(f.suppressed ? { suppressions: [{ kind: "external", status: "accepted", justification: f.suppressionReason ?? "" }] } : {}),
    properties: { enforcementLevel: f.level, ...(f.configRuleId ? { awsConfigRule: f.configRuleId } : {}), ...(f.controls ? { controls: f.controls } : {}) },
  }));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "kamae", version: toolVersion, informationUri: TOOL_URI, rules } },
        automationDetails: { id: `kamae-check/${report.project}/${report.stack}` },
        results,
        properties: { policyPack: report.policyPack, notExpanded: report.notExpanded.map((r) => r.urn) },
      },
    ],
  };
}
