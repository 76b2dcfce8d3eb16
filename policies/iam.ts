/** IAM policy documents carried by IAM resources (standalone, inline role/user/group policies, role inline blocks). */
import { asArray, list, statementsOf, Statement } from "./helpers";
import { ResourceView } from "./model";

export function iamStatements(r: ResourceView): Statement[] {
  if (r.type === "aws:iam/role:Role") return asArray(r.props.inlinePolicies).flatMap((p) => statementsOf(p?.policy) ?? []);
  return statementsOf(r.props.policy) ?? [];
}

export const allowedActions = (s: Statement) => (s.Effect === "Allow" ? list(s.Action) : []);
export const resources = (s: Statement) => list(s.Resource);
