import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "sni-only": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": "sni-only" } } },
  violating: { "dedicated IP": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": "vip" } } },
  notApplicable: { "default certificate": { "viewerCertificate": { "cloudfrontDefaultCertificate": true } } },
  unknown: { "method unknown": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "sni-only": "COMPLIANT",
  "dedicated IP": "NON_COMPLIANT",
  "default certificate": "NOT_APPLICABLE",
});
