// lambda-function-public-access-prohibited: no permission or function URL lets anyone invoke a function.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("lambda-function-public-access-prohibited", (r) => {
  if (r.type === "aws:lambda/functionUrl:FunctionUrl") {
    return judgeKnown(r, ["authorizationType"], () =>
      r.props.authorizationType === "NONE" ? [`Function URL ${label(r)} has authorizationType NONE: anyone can invoke the function.`] : [],
    );
  }
  return judgeKnown(r, ["principal"], () => {
    // A scoping condition set from an unknown output still scopes the grant: presence is what counts.
    const scoped = ["sourceArn", "sourceAccount", "principalOrgId"].some((k) => r.props[k] !== undefined && r.props[k] !== "");
    return r.props.principal === "*" && !scoped ? [`Permission ${label(r)} lets any principal invoke the function.`] : [];
  });
});
