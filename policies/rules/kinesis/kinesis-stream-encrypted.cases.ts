import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:kinesis/stream:Stream", {
  compliant: { "encryptionType KMS": { "encryptionType": "KMS" } },
  violating: { "encryptionType NONE": { "encryptionType": "NONE" }, "encryptionType unset (AWS default NONE)": {  } },
  unknown: { "encryptionType unknown": { "encryptionType": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encryptionType KMS": "COMPLIANT",
  "encryptionType NONE": "NON_COMPLIANT",
  "encryptionType unset (AWS default NONE)": "NON_COMPLIANT",
});
