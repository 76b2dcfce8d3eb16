import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "transitEncryptionEnabled true": { "transitEncryptionEnabled": true } },
  violating: { "transitEncryptionEnabled false": { "transitEncryptionEnabled": false }, "transitEncryptionEnabled unset (AWS default false)": {  } },
  unknown: { "transitEncryptionEnabled unknown": { "transitEncryptionEnabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "transitEncryptionEnabled true": "COMPLIANT",
  "transitEncryptionEnabled false": "NON_COMPLIANT",
  "transitEncryptionEnabled unset (AWS default false)": "NON_COMPLIANT",
});
