import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "ACM certificate": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": "sni-only" } } },
  violating: { "default certificate": { "viewerCertificate": { "cloudfrontDefaultCertificate": true } } },
  unknown: { "certificate unknown": { "viewerCertificate": { "acmCertificateArn": UNKNOWN, "sslSupportMethod": "sni-only" } } },
});
