// iam-policy-no-statements-with-admin-access: no IAM policy allows Action "*" on Resource "*".
import { label } from "../../helpers";
import { allowedActions, iamStatements, resources } from "../../iam";
import { resourceRule } from "../../model";

export default resourceRule("iam-policy-no-statements-with-admin-access", (r) =>
  iamStatements(r).some((s) => allowedActions(s).includes("*") && resources(s).includes("*"))
    ? [`${label(r)} allows every action on every resource (admin access).`]
    : [],
);
