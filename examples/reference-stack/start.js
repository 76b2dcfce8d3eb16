// `npm start`: `kamae check` on the reference stack (the repository's root project), showing first what the stack
// would create, component by component, then the compliance report. Needs `npm run build` (npm start runs it).
// Exit codes as `kamae check`: 0 no mandatory violation, 1 a mandatory violation, 2 the program or the check failed.
"use strict";
const { join } = require("node:path");

const dist = join(__dirname, "..", "..", "dist", "cli");
const { checkProgram, failsCheck } = require(join(dist, "check.js"));
const { renderTable } = require(join(dist, "report.js"));

/** `aws:s3/bucket:Bucket` → `aws.s3.Bucket`, `kamae:index:QuarantineBucket` → `kamae.QuarantineBucket`: the names in code. */
function shortType(type) {
  const [pkg, mod, name] = type.split(":");
  const module = mod === "index" ? "" : `${mod.split("/")[0]}.`;
  return `${pkg}.${module}${name}`;
}

/** "3 aws.s3.Bucket, 2 aws.iam.Role, …" for a list of resources, most frequent type first. */
function typeCounts(resources) {
  const counts = new Map();
  for (const r of resources) counts.set(shortType(r.type), (counts.get(shortType(r.type)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, n]) => `${n} ${type}`);
}

/** What the stack would create: each top-level resource with everything beneath it, summarised by type. */
function summary(report) {
  const byUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const topOf = (r) => {
    let current = r;
    while (current.parent && byUrn.has(current.parent) && byUrn.get(current.parent).type !== "pulumi:pulumi:Stack") current = byUrn.get(current.parent);
    return current;
  };
  const groups = new Map();
  for (const r of report.resources) {
    if (r.type === "pulumi:pulumi:Stack") continue;
    const top = topOf(r);
    if (!groups.has(top.urn)) groups.set(top.urn, { top, below: [] });
    if (top !== r) groups.get(top.urn).below.push(r);
  }
  const notExpanded = new Set(report.notExpanded.map((r) => r.urn));
  const lines = [`What ${report.project} would create (${report.summary.resources} resources, checked offline):`, ""];
  const own = [];
  for (const { top, below } of groups.values()) {
    if (below.length === 0 && !notExpanded.has(top.urn)) {
      own.push(top);
      continue;
    }
    const note = notExpanded.has(top.urn) ? ": remote component, its children are not known offline" : `: ${below.length} resources`;
    lines.push(`  ${top.name} (${top.type})${note}`);
    if (below.length > 0) lines.push(`      ${typeCounts(below).join(", ")}`);
  }
  if (own.length > 0) lines.push(`  the program's own resources: ${own.length}`, `      ${typeCounts(own).join(", ")}`);
  return `${lines.join("\n")}\n\n`;
}

checkProgram(join(__dirname, "..", ".."))
  .then((report) => {
    process.stdout.write(summary(report));
    process.stdout.write(renderTable(report));
    process.exit(failsCheck(report) ? 1 : 0);
  })
  .catch((e) => {
    process.stderr.write(`kamae check: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
