/** The catalog as the Markdown table in policies/README.md (regenerate: `npm run policies:table`; a test checks). */
import { catalog, defaultEnforcementLevel } from "./catalog";

export const TABLE_START = "<!-- catalog:start (generated from policies/catalog.ts by `npm run policies:table`; do not edit) -->";
export const TABLE_END = "<!-- catalog:end -->";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const JUDGED = { resource: "preview (resource)", stack: "preview (stack)", none: "AWS Config only" } as const;

export function renderCatalogTable(): string {
  const rows = catalog.map((e) =>
    [
      `\`${e.id}\``,
      e.awsConfigIdentifier ? `\`${e.awsConfigIdentifier}\`` : "—",
      e.severity,
      e.preview === "none" ? "—" : defaultEnforcementLevel(e.severity),
      JUDGED[e.preview],
      e.cdkNag ?? "—",
      cell(e.description),
      cell(e.remediation),
    ].join(" | "),
  );
  return [
    "| Policy | AWS Config rule | Severity | Default level | Judged | cdk-nag | Requires | Remediation |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

/** The README text with the table between the markers replaced by the current one. */
export function withCatalogTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("policies/README.md lacks the catalog table markers");
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderCatalogTable()}\n${readme.slice(end)}`;
}
