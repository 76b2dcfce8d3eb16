// cloudfront-traffic-to-origin-encrypted: CloudFront distributions reach custom origins over HTTPS. (FSBP CloudFront.9)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";
import { containsUnknown } from "../../preview";

export default settingRule("cloudfront-traffic-to-origin-encrypted", (p) => {
  if (isUnknown(p.origins) || asArray(p.origins).some((o) => containsUnknown(o?.customOriginConfig))) return UNKNOWN;
  const bad = asArray(p.origins).filter((o) => o?.customOriginConfig && (o.customOriginConfig.originProtocolPolicy === "http-only"));
  return bad.length ? `origin ${bad.map((o) => shown(o.originId)).join(", ")} is reached over plain HTTP: set originProtocolPolicy https-only` : undefined;
});
