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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The line a person reads first: the verdict, the counts by level, what went unchecked. */
export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  const failOn = report.failOn !== "mandatory" || report.failOnUnchecked ? ` (fail on ${report.failOn}${report.failOnUnchecked ? " and unchecked" : ""})` : "";
  return (
    `${s.verdict === "fail" ? "FAIL" : "PASS"}${failOn}: ${s.mandatory} mandatory, ${s.advisory} advisory; ` +
    `${s.suppressed} suppressed (${s.suppressedMandatory} mandatory); ${s.cannotJudge} cannot be judged at preview; ` +
    `${plural(s.unchecked, "resource")} unchecked; ${plural(s.resources, "resource")}, ${plural(s.passingPolicies, "policy", "policies")} passing.`
  );
}

/** The unchecked resources by type: "2 awsx:ec2:Vpc, 1 eks:index:Cluster". */
const uncheckedText = (report: CheckReport) => report.unchecked.map((u) => `${u.count} ${u.type}`).join(", ");

/**
 * How to declare account-level settings managed elsewhere, when an account-level policy (one that takes
 * `managedExternally`) reported something: empty otherwise.
 */
export function accountLevelHint(report: CheckReport): string | undefined {
  const accountLevel = new Set(report.rules.filter((r) => r.configKeys.includes("managedExternally")).map((r) => r.id));
  const ids = [...new Set(report.findings.filter((f) => !f.suppressed && accountLevel.has(f.policyId)).map((f) => f.policyId))].sort();
  if (ids.length === 0) return undefined;
  const example = JSON.stringify(Object.fromEntries(ids.map((id) => [id, { managedExternally: true }])));
  return `Account-level settings (${ids.join(", ")}) are judged here because this stack declares account-level resources or the config requires them in every stack. If another stack or AWS Organizations manages them, declare it in the policy config (--policy-config FILE, or pulumi preview --policy-pack-config FILE): ${example}`;
}

/** Readable table: the summary line first, then resource, policy, level, message; then what was not checked or passed. */
export function renderTable(report: CheckReport): string {
  const rows = report.findings.map((f) => [
    f.resourceName ? `${f.resourceName} (${f.resourceType})` : (f.resourceUrn ?? "(stack)"),
    f.controls?.fsbp.length ? `${f.policyId} [${f.controls.fsbp.join(", ")}]` : f.policyId,
    [f.level, ...(f.cannotJudge ? ["cannot judge"] : []), ...(f.suppressed ? ["suppressed"] : [])].join(", "),
    firstLine(f.suppressed && f.suppressionReason ? `${f.suppressionReason}` : f.message),
  ]);
  const lines: string[] = [summaryLine(report), "", `Policy pack ${report.policyPack.name} ${report.policyPack.version} on ${report.project} (${report.summary.resources} resources)`, ""];
  if (rows.length === 0) {
    lines.push("No policy violations.");
  } else {
    const header = ["RESOURCE", "POLICY", "LEVEL", "MESSAGE"];
    const widths = header.map((h, i) => Math.min(i === 3 ? Infinity : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
    lines.push(line(header), ...rows.map(line));
  }
  if (report.notExpanded.length > 0) {
    lines.push("", `Unchecked: ${plural(report.notExpanded.length, "resource")} the run could not expand (${uncheckedText(report)}); what ${report.notExpanded.length === 1 ? "it creates" : "they create"} was not checked${report.failOnUnchecked ? "" : " (--fail-on-unchecked makes this fail the check)"}:`);
    for (const r of report.notExpanded) lines.push(`  ${r.name} (${r.type})`);
  }
  const hint = accountLevelHint(report);
  if (hint) lines.push("", hint);
  if (report.passingPolicies.length > 0) lines.push("", `Passing policies (${report.passingPolicies.length}): ${report.passingPolicies.join(", ")}`);
  if (report.unansweredInvokes.length > 0) lines.push("", `Invokes with no offline answer: ${report.unansweredInvokes.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** JSON: every resource, every finding, the components not expanded. */
export function renderJson(report: CheckReport): Record<string, unknown> {
  return {
    project: report.project,
    stack: report.stack,
    policyPack: report.policyPack,
    summaryLine: summaryLine(report),
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
    unchecked: report.unchecked,
    passingPolicies: report.passingPolicies,
    failOn: report.failOn,
    failOnUnchecked: report.failOnUnchecked,
    ...(accountLevelHint(report) ? { hints: [accountLevelHint(report)] } : {}),
    unansweredInvokes: report.unansweredInvokes,
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV with cdk-nag's report columns: one row per policy and resource it judged (Compliant, Non-Compliant, Suppressed,
 * CannotJudge), then one Unchecked row per resource the run could not expand.
 */
export function renderCsv(report: CheckReport): string {
  const header = ["Rule ID", "Resource ID", "Compliance", "Exception Reason", "Rule Level", "Rule Info"];
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const info = (policyId: string) => {
    const rule = rules.get(policyId);
    return [rule?.description ?? "", rule?.configRuleId ? `AWS Config: ${rule.configRuleId}` : "", controlsText(rule?.controls)].filter(Boolean).join(" ");
  };
  const rows = report.evaluations.map((e) => [
    e.policyId,
    e.resourceUrn ?? "(stack)",
    e.compliance,
    e.finding?.suppressed ? (e.finding.suppressionReason ?? "") : "N/A",
    e.level === "mandatory" ? "Error" : "Warning",
    info(e.policyId),
  ]);
  const count = new Map(report.unchecked.map((u) => [u.type, u.count]));
  for (const r of report.notExpanded) {
    rows.push(["(unchecked)", r.urn, "Unchecked", "N/A", report.failOnUnchecked ? "Error" : "Warning", `${r.type} (${count.get(r.type)} of this type) could not be expanded: what it creates was not checked.`]);
  }
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
        // Unchecked resources and the account-level hint are about the run, not a rule: SARIF's tool notifications.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.unchecked.map((u) => ({
                level: report.failOnUnchecked ? "error" : "warning",
                message: { text: `${u.count} ${u.type} could not be expanded: what ${u.count === 1 ? "it creates" : "they create"} was not checked.` },
                descriptor: { id: "kamae-unchecked" },
              })),
              ...(accountLevelHint(report) ? [{ level: "note", message: { text: accountLevelHint(report)! }, descriptor: { id: "kamae-account-level" } }] : []),
            ],
          },
        ],
        results,
        properties: {
          policyPack: report.policyPack,
          summary: summaryLine(report),
          notExpanded: report.notExpanded.map((r) => r.urn),
          unchecked: report.unchecked,
          passingPolicies: report.passingPolicies,
        },
      },
    ],
  };
}
