// cloudfront-custom-ssl-certificate: CloudFront distributions use a custom SSL/TLS certificate. (FSBP CloudFront.7)
import { at, requirePresent, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("cloudfront-custom-ssl-certificate", (p) => {
  const def = at(p, "viewerCertificate.cloudfrontDefaultCertificate");
  if (isUnknown(def)) return UNKNOWN;
  if (def === true) return "uses the default *.cloudfront.net certificate: set viewerCertificate.acmCertificateArn";
  return requirePresent(at(p, "viewerCertificate.acmCertificateArn") ?? at(p, "viewerCertificate.iamCertificateId"), "has no custom certificate: set viewerCertificate.acmCertificateArn");
});
