// wafv2-logging-enabled: every WAFv2 web ACL has a logging configuration.
import { coverageViolations, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("wafv2-logging-enabled", (resources) =>
  coverageViolations(
    ofType(resources, ["aws:wafv2/webAcl:WebAcl"]),
    ofType(resources, ["aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"]),
    "resourceArn",
    "Web ACL",
    "has no WebAclLoggingConfiguration",
    "a WebAclLoggingConfiguration naming it",
  ),
);
