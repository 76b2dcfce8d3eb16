// api-gw-associated-with-waf: every API Gateway REST API stage is associated with a WAFv2 web ACL.
import { coverageViolations, ofType, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("api-gw-associated-with-waf", (resources) =>
  coverageViolations(ofType(resources, ["aws:apigateway/stage:Stage"]), ofType(resources, T.webAclAssociation), "resourceArn", "API Gateway stage", "has no WebAclAssociation", "a WebAclAssociation naming it"),
);
