/** The catalog as the Markdown table in policies/README.md (regenerate: `npm run policies:table`; a test checks). */
import { catalog, CatalogEntry, controlsOf, enforcementLevelOf } from "./catalog";
import { rulesByService } from "./rules";

export const TABLE_START = "<!-- catalog:start (generated from policies/catalog.ts by `npm run policies:table`; do not edit) -->";
export const TABLE_END = "<!-- catalog:end -->";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const JUDGED = { resource: "preview (resource)", stack: "preview (stack)", none: "AWS Config only" } as const;

/** The service folder of an entry's rule; entries judged only by AWS Config go by their FSBP control's service. */
export function serviceOf(entry: CatalogEntry): string {
  for (const [service, rules] of Object.entries(rulesByService)) if (rules.some((r) => r.id === entry.id)) return service;
  return entry.fsbp?.[0]?.split(".")[0].toLowerCase() ?? "account";
}

export function renderCatalogTable(): string {
  const groups = new Map<string, CatalogEntry[]>();
  for (const e of catalog) {
    const service = serviceOf(e);
    groups.set(service, [...(groups.get(service) ?? []), e]);
  }
  const sections = [...groups.keys()].sort().map((service) => {
    const rows = groups.get(service)!.map((e) =>
      [
        `\`${e.id}\``,
        controlsOf(e).fsbp.join(", ") || "—",
        e.awsConfigIdentifier ? `\`${e.awsConfigIdentifier}\`` : "—",
        e.severity,
        e.preview === "none" ? "—" : enforcementLevelOf(e),
        JUDGED[e.preview],
        e.cdkNag ?? "—",
        cell(e.description),
        cell(e.remediation),
      ].join(" | "),
    );
    return [
      `#### ${service} (${rows.length})`,
      "",
      "| Policy | FSBP | AWS Config rule | Severity | Default level | Judged | cdk-nag | Requires | Remediation |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map((r) => `| ${r} |`),
    ].join("\n");
  });
  return sections.join("\n\n");
}

/** The README text with the table between the markers replaced by the current one. */
export function withCatalogTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("policies/README.md lacks the catalog table markers");
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderCatalogTable()}\n${readme.slice(end)}`;
}
