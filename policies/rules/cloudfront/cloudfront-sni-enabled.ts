// cloudfront-sni-enabled: CloudFront distributions with custom certificates serve HTTPS with SNI. (FSBP CloudFront.8)
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("cloudfront-sni-enabled", (p) => {
  const custom = at(p, "viewerCertificate.acmCertificateArn") ?? at(p, "viewerCertificate.iamCertificateId");
  const method = at(p, "viewerCertificate.sslSupportMethod");
  if (isUnknown(method)) return UNKNOWN;
  if (custom === undefined || at(p, "viewerCertificate.cloudfrontDefaultCertificate") === true) return undefined;
  return method === "sni-only" ? undefined : `serves HTTPS with ${method ?? "no SNI"}: set viewerCertificate.sslSupportMethod sni-only`;
});
