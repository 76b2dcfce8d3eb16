import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "HTTPS TLS 1.2 origin": { "origins": [{ "originId": "api", "domainName": "api.example.com", "customOriginConfig": { "httpPort": 80, "httpsPort": 443, "originProtocolPolicy": "https-only", "originSslProtocols": ["TLSv1.2"] } }] } },
  violating: { "bad origin": { "origins": [{ "originId": "api", "domainName": "api.example.com", "customOriginConfig": { "httpPort": 80, "httpsPort": 443, "originProtocolPolicy": "https-only", "originSslProtocols": ["SSLv3", "TLSv1.2"] } }] } },
  notApplicable: { "S3 origin": { "origins": [{ "originId": "s3", "domainName": "b.s3.amazonaws.com", "originAccessControlId": "oac" }] } },
  unknown: { "origin settings unknown": { "origins": [{ "originId": "api", "domainName": "api.example.com", "customOriginConfig": { "httpPort": 80, "httpsPort": 443, "originProtocolPolicy": UNKNOWN, "originSslProtocols": ["TLSv1.2"] } }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "HTTPS TLS 1.2 origin": "COMPLIANT",
  "bad origin": "NON_COMPLIANT",
  "S3 origin": "NOT_APPLICABLE",
});
