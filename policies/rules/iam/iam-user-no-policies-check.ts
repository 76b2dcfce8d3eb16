// iam-user-no-policies-check: policies are attached to groups or roles, never to users.
import { asArray, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("iam-user-no-policies-check", (r) => {
  if (r.type === "aws:iam/policyAttachment:PolicyAttachment" && asArray(r.props.users).length === 0) return [];
  return [`${label(r)} attaches a policy to a user; attach it to a group or role.`];
});
