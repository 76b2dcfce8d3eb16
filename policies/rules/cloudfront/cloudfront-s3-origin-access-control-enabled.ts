// cloudfront-s3-origin-access-control-enabled: CloudFront distributions reach S3 origins through origin access control. (FSBP CloudFront.13)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("cloudfront-s3-origin-access-control-enabled", (p) => {
  if (isUnknown(p.origins) || asArray(p.origins).some((o) => isUnknown(o?.domainName) || isUnknown(o?.originAccessControlId))) return UNKNOWN;
  const onS3 = (o: any) => /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(String(o?.domainName));
  // A customOriginConfig unknown at preview may be absent: an S3 origin without access control is then one.
  if (asArray(p.origins).some((o) => isUnknown(o?.customOriginConfig) && onS3(o) && !o.originAccessControlId)) return UNKNOWN;
  const s3 = asArray(p.origins).filter((o) => !o?.customOriginConfig && onS3(o));
  const bad = s3.filter((o) => !o.originAccessControlId);
  return bad.length ? `S3 origin ${bad.map((o) => shown(o.originId)).join(", ")} has no origin access control: set originAccessControlId` : undefined;
});
