// cloudfront-associated-with-waf: every CloudFront distribution names a web ACL.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cloudfront-associated-with-waf", (r) =>
  isUnknown(r.props.webAclId) || (typeof r.props.webAclId === "string" && r.props.webAclId !== "") ? [] : [`Distribution ${label(r)} has no webAclId.`],
);
