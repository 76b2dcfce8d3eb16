import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "kmsKeyId set": { "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" } },
  violating: { "kmsKeyId unset": {  } },
  unknown: { "kmsKeyId unknown": { "kmsKeyId": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "kmsKeyId set": "COMPLIANT",
  "kmsKeyId unset": "NON_COMPLIANT",
});
