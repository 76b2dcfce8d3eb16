import { judgedByAwsConfig, KEY_ARN, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:eks/cluster:Cluster", {
  compliant: { "secrets encrypted": { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY_ARN } } } },
  violating: { "no encryption config": {} },
  unknown: { "resources unknown": { encryptionConfig: { resources: UNKNOWN, provider: { keyArn: KEY_ARN } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "secrets encrypted": "COMPLIANT",
  "no encryption config": "NON_COMPLIANT",
});
