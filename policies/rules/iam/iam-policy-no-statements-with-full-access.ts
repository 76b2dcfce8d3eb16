// iam-policy-no-statements-with-full-access: no IAM policy allows a whole service ("service:*") or "*".
import { label } from "../../helpers";
import { allowedActions, iamStatements } from "../../iam";
import { resourceRule } from "../../model";

export default resourceRule("iam-policy-no-statements-with-full-access", (r) => {
  const full = [...new Set(iamStatements(r).flatMap(allowedActions).filter((a) => a === "*" || /^[a-z0-9-]+:\*$/i.test(a)))];
  return full.length ? [`${label(r)} allows full access: ${full.join(", ")}.`] : [];
});
