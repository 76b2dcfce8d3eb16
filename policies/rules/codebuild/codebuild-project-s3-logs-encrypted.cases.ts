import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:codebuild/project:Project", {
  compliant: { "logsConfig.s3Logs.encryptionDisabled false": { "logsConfig": { "s3Logs": { "encryptionDisabled": false } } }, "logsConfig.s3Logs.encryptionDisabled unset (AWS default false)": {  } },
  violating: { "logsConfig.s3Logs.encryptionDisabled true": { "logsConfig": { "s3Logs": { "encryptionDisabled": true } } } },
  unknown: { "logsConfig.s3Logs.encryptionDisabled unknown": { "logsConfig": { "s3Logs": { "encryptionDisabled": UNKNOWN } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logsConfig.s3Logs.encryptionDisabled false": "COMPLIANT",
  "logsConfig.s3Logs.encryptionDisabled unset (AWS default false)": "COMPLIANT",
  "logsConfig.s3Logs.encryptionDisabled true": "NON_COMPLIANT",
});
