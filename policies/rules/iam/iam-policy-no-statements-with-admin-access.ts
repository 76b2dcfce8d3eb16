// iam-policy-no-statements-with-admin-access: no customer managed IAM policy allows Action "*" on Resource "*".
import { label } from "../../helpers";
import { allowsAdmin, iamStatements } from "../../iam";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge } from "../../preview";

export default resourceRule("iam-policy-no-statements-with-admin-access", (r) => {
  if (iamStatements(r).some(allowsAdmin)) return [`${label(r)} allows every action on every resource (admin access).`];
  return isUnknown(r.props.policy) ? [cannotJudge(`${label(r)}: its policy document is unknown until the update.`)] : [];
});
