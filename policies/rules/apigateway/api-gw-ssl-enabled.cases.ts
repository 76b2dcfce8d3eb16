import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:apigateway/stage:Stage", {
  compliant: { "clientCertificateId set": { "restApi": "api", "deployment": "d", "stageName": "prod", "clientCertificateId": "abc123" } },
  violating: { "clientCertificateId unset": { "restApi": "api", "deployment": "d", "stageName": "prod" } },
  unknown: { "clientCertificateId unknown": { "restApi": "api", "deployment": "d", "stageName": "prod", "clientCertificateId": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "clientCertificateId set": "COMPLIANT",
  "clientCertificateId unset": "NON_COMPLIANT",
});
