// cloudfront-no-deprecated-ssl-protocols: CloudFront distributions do not use SSLv3 towards custom origins. (FSBP CloudFront.10)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";
import { containsUnknown } from "../../preview";

export default settingRule("cloudfront-no-deprecated-ssl-protocols", (p) => {
  if (isUnknown(p.origins) || asArray(p.origins).some((o) => containsUnknown(o?.customOriginConfig))) return UNKNOWN;
  const bad = asArray(p.origins).filter((o) => o?.customOriginConfig && (asArray(o.customOriginConfig.originSslProtocols).includes("SSLv3")));
  return bad.length ? `origin ${bad.map((o) => shown(o.originId)).join(", ")} allows SSLv3: remove it from originSslProtocols` : undefined;
});
