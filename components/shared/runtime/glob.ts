/**
 * IAM-style globs: `*` any run of characters (including `/` and `:`, as in IAM ARN patterns), `?` one character,
 * everything else literal and case-sensitive. Written here rather than with picomatch because picomatch treats `/` as
 * a path separator and the component (deploy-time code) validates rules with the same module.
 */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  // Runs of `*` collapse to one, so a pattern cannot make matching backtrack more than it must.
  for (const ch of glob.replace(/\*+/g, "*")) {
    if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += ch.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
