// lambda-function-public-access-prohibited: no permission or function URL lets anyone invoke a function.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("lambda-function-public-access-prohibited", (r) => {
  if (r.type === "aws:lambda/functionUrl:FunctionUrl") {
    return r.props.authorizationType === "NONE" ? [`Function URL ${label(r)} has authorizationType NONE: anyone can invoke the function.`] : [];
  }
  const principal = r.props.principal;
  if (isUnknown(principal)) return [];
  const scoped = ["sourceArn", "sourceAccount", "principalOrgId"].some((k) => r.props[k] !== undefined && r.props[k] !== "");
  if (principal === "*" && !scoped) return [`Permission ${label(r)} lets any principal invoke the function.`];
  return [];
});
