// iam-policy-no-statements-with-full-access: no customer managed IAM policy allows every action of a service
// ("service:*", patterns such as "i*:*", "*"), nor Allow with NotAction (every action but a few).
import { label, list } from "../../helpers";
import { allowedActions, allowsAllBut, iamStatements, wholeServices } from "../../iam";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge } from "../../preview";

export default resourceRule("iam-policy-no-statements-with-full-access", (r) => {
  const statements = iamStatements(r);
  const full = [...new Set(statements.flatMap(allowedActions).filter(wholeServices))];
  const allBut = statements.filter(allowsAllBut).map((s) => `every action except ${list(s.NotAction).join(", ")}`);
  if (full.length || allBut.length) return [`${label(r)} allows full access: ${[...full, ...allBut].join("; ")}.`];
  return isUnknown(r.props.policy) ? [cannotJudge(`${label(r)}: its policy document is unknown until the update.`)] : [];
});
