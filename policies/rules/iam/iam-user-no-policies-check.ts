// iam-user-no-policies-check: policies are attached to groups or roles, never to users.
import { asArray, label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge } from "../../preview";

export default resourceRule("iam-user-no-policies-check", (r) => {
  if (r.type === "aws:iam/policyAttachment:PolicyAttachment") {
    if (isUnknown(r.props.users) || asArray(r.props.users).some(isUnknown)) return [cannotJudge(`${label(r)}: the users it attaches the policy to are unknown until the update.`)];
    if (asArray(r.props.users).length === 0) return [];
  }
  return [`${label(r)} attaches a policy to a user; attach it to a group or role.`];
});
