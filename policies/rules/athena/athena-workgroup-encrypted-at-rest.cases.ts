import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:athena/workgroup:Workgroup", {
  compliant: { "configuration.resultConfiguration.encryptionConfiguration.encryptionOption set": { "configuration": { "resultConfiguration": { "encryptionConfiguration": { "encryptionOption": "SSE_KMS" } } } } },
  violating: { "configuration.resultConfiguration.encryptionConfiguration.encryptionOption unset": {  } },
  unknown: { "configuration.resultConfiguration.encryptionConfiguration.encryptionOption unknown": { "configuration": { "resultConfiguration": { "encryptionConfiguration": { "encryptionOption": UNKNOWN } } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "configuration.resultConfiguration.encryptionConfiguration.encryptionOption set": "COMPLIANT",
  "configuration.resultConfiguration.encryptionConfiguration.encryptionOption unset": "NON_COMPLIANT",
});
