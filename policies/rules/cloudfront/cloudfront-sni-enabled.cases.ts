import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "sni-only": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": "sni-only" } } },
  violating: { "dedicated IP": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": "vip" } } },
  notApplicable: { "default certificate": { "viewerCertificate": { "cloudfrontDefaultCertificate": true } } },
  unknown: { "method unknown": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": UNKNOWN } } },
});
