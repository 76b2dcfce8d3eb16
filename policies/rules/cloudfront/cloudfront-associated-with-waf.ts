// cloudfront-associated-with-waf: every CloudFront distribution is associated with a web ACL (the Config rule: its
// WebACLId is set, a WAFv2 ARN or a WAF Classic id). An id unknown at preview counts only when it comes from a web ACL
// of this stack that CloudFront takes: a CLOUDFRONT-scoped WAFv2 one or a WAF Classic global one.
import { ofType, referenceViolations, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("cloudfront-associated-with-waf", (resources) => {
  const acls = [...ofType(resources, ["aws:wafv2/webAcl:WebAcl"]).filter((a) => a.props.scope === "CLOUDFRONT"), ...ofType(resources, ["aws:waf/webAcl:WebAcl"])];
  return referenceViolations(ofType(resources, T.distribution), "webAclId", acls, "has no webAclId: set it to the ARN of a CLOUDFRONT-scoped WAFv2 web ACL", "CLOUDFRONT-scoped web ACL");
});
