import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "OAC": { "origins": [{ "originId": "s3", "domainName": "site.s3.us-east-1.amazonaws.com", "originAccessControlId": "E2OAC" }] } },
  violating: { "legacy OAI": { "origins": [{ "originId": "s3", "domainName": "site.s3.amazonaws.com", "s3OriginConfig": { "originAccessIdentity": "origin-access-identity/cloudfront/E1" } }] } },
  notApplicable: { "custom origin": { "origins": [{ "originId": "api", "domainName": "api.example.com", "customOriginConfig": { "httpPort": 80, "httpsPort": 443, "originProtocolPolicy": "https-only", "originSslProtocols": ["TLSv1.2"] } }] } },
  unknown: { "domain unknown": { "origins": [{ "originId": "s3", "domainName": UNKNOWN }] } },
});
