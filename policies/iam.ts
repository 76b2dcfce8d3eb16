/** IAM policy documents carried by IAM resources (standalone, inline role/user/group policies, role inline blocks). */
import { asArray, list, statementsOf, Statement } from "./helpers";
import { ResourceView } from "./model";

export function iamStatements(r: ResourceView): Statement[] {
  if (r.type === "aws:iam/role:Role") return asArray(r.props.inlinePolicies).flatMap((p) => statementsOf(p?.policy) ?? []);
  return statementsOf(r.props.policy) ?? [];
}

export const allowedActions = (s: Statement) => (s.Effect === "Allow" ? list(s.Action) : []);
export const resources = (s: Statement) => list(s.Resource);

/** An action pattern (`*`, `*:*`, `s3:*`, `i*:*`) that matches every action of one or more services. */
export const wholeServices = (action: string) => /^[a-z0-9*-]+:\*$/i.test(action) || action === "*";

/** Allow of every action (`*`, `*:*`) on every resource: administrator access. */
export const allowsAdmin = (s: Statement) => allowedActions(s).some((a) => a === "*" || a === "*:*") && resources(s).includes("*");

/** Allow with NotAction: every action of every service but the listed ones. */
export const allowsAllBut = (s: Statement) => s.Effect === "Allow" && list(s.NotAction).length > 0;

/** The AWS managed policies that grant administrator-equivalent access. */
export const ADMIN_EQUIVALENT_MANAGED = ["AdministratorAccess", "IAMFullAccess", "PowerUserAccess"].map((n) => `arn:aws:iam::aws:policy/${n}`);
