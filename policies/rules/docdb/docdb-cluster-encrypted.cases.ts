import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:docdb/cluster:Cluster", {
  compliant: { "storageEncrypted true": { "storageEncrypted": true } },
  violating: { "storageEncrypted false": { "storageEncrypted": false }, "storageEncrypted unset (AWS default false)": {  } },
  unknown: { "storageEncrypted unknown": { "storageEncrypted": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "storageEncrypted true": "COMPLIANT",
  "storageEncrypted false": "NON_COMPLIANT",
  "storageEncrypted unset (AWS default false)": "NON_COMPLIANT",
});
