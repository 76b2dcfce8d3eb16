import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "OAC": { "origins": [{ "originId": "s3", "domainName": "site.s3.us-east-1.amazonaws.com", "originAccessControlId": "E2OAC" }] } },
  violating: { "legacy OAI": { "origins": [{ "originId": "s3", "domainName": "site.s3.amazonaws.com", "s3OriginConfig": { "originAccessIdentity": "origin-access-identity/cloudfront/E1" } }] } },
  notApplicable: { "custom origin": { "origins": [{ "originId": "api", "domainName": "api.example.com", "customOriginConfig": { "httpPort": 80, "httpsPort": 443, "originProtocolPolicy": "https-only", "originSslProtocols": ["TLSv1.2"] } }] } },
  unknown: { "domain unknown": { "origins": [{ "originId": "s3", "domainName": UNKNOWN }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "OAC": "COMPLIANT",
  "legacy OAI": "NON_COMPLIANT",
  "custom origin": "NOT_APPLICABLE",
});
