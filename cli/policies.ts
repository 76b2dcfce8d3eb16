/** `kamae policies`: the pack's catalog, with the framework controls each policy judges. */
import { catalog, CatalogEntry, controlsOf, enforcementLevelOf, Framework } from "../policies/catalog";
import { mapsToFramework } from "./catalog";

export const POLICY_FORMATS = ["table", "json"] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

/** The catalog entries (optionally those judging a control of `framework`) and the distinct FSBP controls judged at preview. */
export function policyCatalog(framework?: Framework) {
  const entries = catalog.filter((e) => !framework || mapsToFramework(controlsOf(e), framework));
  const previewFsbp = new Set(entries.filter((e) => e.preview !== "none").flatMap((e) => controlsOf(e).fsbp));
  return {
    fsbpControlsJudgedAtPreview: previewFsbp.size,
    fsbpControls: new Set(entries.flatMap((e) => controlsOf(e).fsbp)).size,
    policies: entries.map((e: CatalogEntry) => ({
      id: e.id,
      awsConfigIdentifier: e.awsConfigIdentifier ?? null,
      severity: e.severity,
      defaultLevel: e.preview === "none" ? null : enforcementLevelOf(e),
      judged: e.preview,
      controls: controlsOf(e),
      resourceTypes: e.resourceTypes,
      description: e.description,
    })),
  };
}

export function renderPolicies(format: PolicyFormat, framework?: Framework): string {
  const data = policyCatalog(framework);
  if (format === "json") return `${JSON.stringify(data, null, 2)}\n`;
  const rows = data.policies.map((p) => [p.id, p.controls.fsbp.join(",") || "-", p.awsConfigIdentifier ?? "-", p.severity, p.defaultLevel ?? "AWS Config only"]);
  const header = ["POLICY", "FSBP", "AWS CONFIG RULE", "SEVERITY", "LEVEL"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  return `${[line(header), ...rows.map(line)].join("\n")}\n\n${data.policies.length} policies; ${data.fsbpControlsJudgedAtPreview} FSBP controls judged at preview (${data.fsbpControls} with AWS Config only ones).\n`;
}
