// kamae-iam-no-admin-equivalent-grants: no principal gets AdministratorAccess, IAMFullAccess or PowerUserAccess, or an
// inline policy allowing "*" on "*" (the AWS Config rules evaluate customer managed policies only).
import { asArray, label, list } from "../../helpers";
import { ADMIN_EQUIVALENT_MANAGED, allowsAdmin, iamStatements } from "../../iam";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge, Finding } from "../../preview";

export default resourceRule("kamae-iam-no-admin-equivalent-grants", (r) => {
  const out: Finding[] = [];
  const arns = r.type === "aws:iam/role:Role" ? list(r.props.managedPolicyArns) : typeof r.props.policyArn === "string" ? [r.props.policyArn] : [];
  for (const arn of arns.filter((a) => ADMIN_EQUIVALENT_MANAGED.includes(a))) out.push(`${label(r)} grants the AWS managed ${arn.split("/").pop()} policy (administrator-equivalent).`);
  // A role's inline policies, or the one of a role, user or group policy (an attachment has none).
  const inline = r.type === "aws:iam/role:Role" ? asArray(r.props.inlinePolicies).map((p) => p?.policy) : [r.props.policy];
  if (iamStatements(r).some(allowsAdmin)) out.push(`${label(r)} has an inline policy allowing every action on every resource.`);
  // As for an attachment's policyArn, a role's managed policy ARN unknown at preview may be an administrator-equivalent one.
  const managedUnknown = r.type === "aws:iam/role:Role" && (isUnknown(r.props.managedPolicyArns) || asArray(r.props.managedPolicyArns).some(isUnknown));
  if (out.length === 0 && (isUnknown(r.props.policyArn) || managedUnknown || isUnknown(r.props.inlinePolicies) || inline.some(isUnknown))) out.push(cannotJudge(`${label(r)}: the policy it grants is unknown until the update.`));
  return out;
});
