// api-gw-associated-with-waf: every API Gateway REST API stage is associated with a WAFv2 web ACL.
import { coverage, label, ofType, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("api-gw-associated-with-waf", (resources) => {
  const associations = ofType(resources, T.webAclAssociation);
  return ofType(resources, ["aws:apigateway/stage:Stage"])
    .filter((stage) => coverage(stage, associations, "resourceArn") === "uncovered")
    .map((stage) => ({ resource: stage, message: `API Gateway stage ${label(stage)} has no WebAclAssociation.` }));
});
