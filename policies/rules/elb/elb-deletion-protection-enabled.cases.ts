import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "enableDeletionProtection true": { "enableDeletionProtection": true } },
  violating: { "enableDeletionProtection false": { "enableDeletionProtection": false }, "enableDeletionProtection unset (AWS default false)": {  } },
  unknown: { "enableDeletionProtection unknown": { "enableDeletionProtection": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enableDeletionProtection true": "COMPLIANT",
  "enableDeletionProtection false": "NON_COMPLIANT",
  "enableDeletionProtection unset (AWS default false)": "NON_COMPLIANT",
});
