import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:acm/certificate:Certificate", {
  compliant: { "keyAlgorithm RSA_2048": { "domainName": "example.com", "validationMethod": "DNS", "keyAlgorithm": "RSA_2048" }, "keyAlgorithm unset": { "domainName": "example.com", "validationMethod": "DNS" } },
  violating: { "keyAlgorithm RSA_1024": { "domainName": "example.com", "validationMethod": "DNS", "keyAlgorithm": "RSA_1024" } },
  unknown: { "keyAlgorithm unknown": { "domainName": "example.com", "validationMethod": "DNS", "keyAlgorithm": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "keyAlgorithm RSA_2048": "COMPLIANT",
  "keyAlgorithm unset": "COMPLIANT",
  "keyAlgorithm RSA_1024": "NON_COMPLIANT",
});
