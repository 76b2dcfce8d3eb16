import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "ACM certificate": { "viewerCertificate": { "acmCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/c", "sslSupportMethod": "sni-only" } } },
  violating: { "default certificate": { "viewerCertificate": { "cloudfrontDefaultCertificate": true } } },
  unknown: { "certificate unknown": { "viewerCertificate": { "acmCertificateArn": UNKNOWN, "sslSupportMethod": "sni-only" } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "ACM certificate": "COMPLIANT",
  "default certificate": "NON_COMPLIANT",
});
