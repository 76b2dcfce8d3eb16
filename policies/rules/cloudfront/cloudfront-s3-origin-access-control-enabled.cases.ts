import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "OAC": { "origins": [{ "originId": "s3", "domainName": "site.s3.us-east-1.amazonaws.com", "originAccessControlId": "E2OAC" }] } },
  violating: {
    "legacy OAI": { "origins": [{ "originId": "s3", "domainName": "site.s3.amazonaws.com", "s3OriginConfig": { "originAccessIdentity": "origin-access-identity/cloudfront/E1" } }] },
    "two Regional S3 origins without OAC, next to one with it": { origins: [{ originId: "site", domainName: "site.s3.us-east-1.amazonaws.com", originAccessControlId: "E2OAC" }, { originId: "assets", domainName: "assets.s3.eu-west-1.amazonaws.com" }, { originId: "media", domainName: "media.s3-eu-west-1.amazonaws.com" }] },
  },
  notApplicable: { "custom origin": { "origins": [{ "originId": "api", "domainName": "api.example.com", "customOriginConfig": { "httpPort": 80, "httpsPort": 443, "originProtocolPolicy": "https-only", "originSslProtocols": ["TLSv1.2"] } }] } },
  unknown: {
    "domain unknown": { "origins": [{ "originId": "s3", "domainName": UNKNOWN }] },
    "the second origin's domain unknown": { origins: [{ originId: "site", domainName: "site.s3.us-east-1.amazonaws.com", originAccessControlId: "E2OAC" }, { originId: "assets", domainName: UNKNOWN, originAccessControlId: "E2OAC" }] },
    "an S3 origin without access control whose customOriginConfig is unknown (it may be absent)": { origins: [{ originId: "site", domainName: "site.s3.us-east-1.amazonaws.com", customOriginConfig: UNKNOWN }] },
    "an origin's access control unknown": { origins: [{ originId: "site", domainName: "site.s3.us-east-1.amazonaws.com", originAccessControlId: UNKNOWN }] },
  },
});

const said = { ...cases, violating: cases.violating.map((c) => (c.title.startsWith("two Regional") ? { ...c, says: "S3 origin assets, media has no origin access control" } : c)) };

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(said, {
  "OAC": "COMPLIANT",
  "legacy OAI": "NON_COMPLIANT",
  "two Regional S3 origins without OAC, next to one with it": "NON_COMPLIANT",
  "custom origin": "NOT_APPLICABLE",
});
