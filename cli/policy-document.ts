/**
 * `aws.iam.getPolicyDocument` as the AWS provider renders it (Terraform's `aws_iam_policy_document`): a pure function of
 * its arguments, so `kamae check` answers it exactly and the pack judges the policy the program builds this way.
 * Single values render as strings, lists in the provider's (reverse-sorted) order, a principal `*` of type `*` as
 * `"Principal": "*"`, conditions grouped by test; `json` is indented by two spaces, `minifiedJson` is compact.
 */
import { createHash } from "node:crypto";

interface PrincipalArg {
  readonly type: string;
  readonly identifiers: string[];
}
interface ConditionArg {
  readonly test: string;
  readonly variable: string;
  readonly values: string[];
}
interface StatementArg {
  readonly sid?: string;
  readonly effect?: string;
  readonly actions?: string[];
  readonly notActions?: string[];
  readonly resources?: string[];
  readonly notResources?: string[];
  readonly principals?: PrincipalArg[];
  readonly notPrincipals?: PrincipalArg[];
  readonly conditions?: ConditionArg[];
}
export interface PolicyDocumentArgs {
  readonly version?: string;
  readonly policyId?: string;
  readonly statements?: StatementArg[];
  readonly sourcePolicyDocuments?: string[];
  readonly overridePolicyDocuments?: string[];
}

/** One value as a string, several as a list in the provider's order. */
function values(list: readonly string[] | undefined): string | string[] | undefined {
  if (!list || list.length === 0) return undefined;
  const sorted = [...new Set(list)].sort().reverse();
  return sorted.length === 1 ? sorted[0] : sorted;
}

function principals(list: readonly PrincipalArg[] | undefined): unknown {
  if (!list || list.length === 0) return undefined;
  if (list.length === 1 && list[0].type === "*" && list[0].identifiers.length === 1 && list[0].identifiers[0] === "*") return "*";
  const out: Record<string, string[]> = {};
  for (const p of list) (out[p.type] ??= []).push(...p.identifiers);
  return Object.fromEntries(Object.entries(out).map(([type, ids]) => [type, values(ids)]));
}

function conditions(list: readonly ConditionArg[] | undefined): unknown {
  if (!list || list.length === 0) return undefined;
  const out: Record<string, Record<string, string | string[] | undefined>> = {};
  for (const c of list) (out[c.test] ??= {})[c.variable] = values(c.values);
  return out;
}

function statement(s: StatementArg): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [
    ["Sid", s.sid || undefined],
    ["Effect", s.effect ?? "Allow"],
    ["Action", values(s.actions)],
    ["NotAction", values(s.notActions)],
    ["Resource", values(s.resources)],
    ["NotResource", values(s.notResources)],
    ["Principal", principals(s.principals)],
    ["NotPrincipal", principals(s.notPrincipals)],
    ["Condition", conditions(s.conditions)],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

const statementsOf = (json: string): Record<string, unknown>[] => {
  const doc = JSON.parse(json) as { Statement?: unknown };
  return Array.isArray(doc.Statement) ? (doc.Statement as Record<string, unknown>[]) : doc.Statement ? [doc.Statement as Record<string, unknown>] : [];
};

/** The invoke's result: `json`, `minifiedJson` and `id` (the provider's hash of the document). */
export function renderPolicyDocument(args: PolicyDocumentArgs): { id: string; json: string; minifiedJson: string } {
  let merged: Record<string, unknown>[] = (args.sourcePolicyDocuments ?? []).flatMap(statementsOf);
  // Statements of this document and of the override documents replace earlier ones with the same Sid.
  for (const next of [...(args.statements ?? []).map(statement), ...(args.overridePolicyDocuments ?? []).flatMap(statementsOf)]) {
    const sid = next.Sid;
    merged = sid ? [...merged.filter((s) => s.Sid !== sid), next] : [...merged, next];
  }
  const doc = { Version: args.version ?? "2012-10-17", ...(args.policyId ? { Id: args.policyId } : {}), Statement: merged };
  const minifiedJson = JSON.stringify(doc);
  return { id: String(createHash("sha256").update(minifiedJson).digest().readUInt32BE(0)), json: JSON.stringify(doc, null, 2), minifiedJson };
}
