// wafv2-logging-enabled: every WAFv2 web ACL has a logging configuration.
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("wafv2-logging-enabled", (resources) => {
  const logging = ofType(resources, ["aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"]);
  return ofType(resources, ["aws:wafv2/webAcl:WebAcl"])
    .filter((acl) => coverage(acl, logging, "resourceArn") === "uncovered")
    .map((acl) => ({ resource: acl, message: `Web ACL ${label(acl)} has no WebAclLoggingConfiguration.` }));
});
