// cloudfront-origin-failover-enabled: CloudFront distributions have origin failover (an origin group). (FSBP CloudFront.4)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("cloudfront-origin-failover-enabled", (p) => requirePresent(p.originGroups, "has no origin failover: add an originGroups entry with two origins"));
