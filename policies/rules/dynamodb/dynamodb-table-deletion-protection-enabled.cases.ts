import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:dynamodb/table:Table", {
  compliant: { "deletionProtectionEnabled true": { "deletionProtectionEnabled": true } },
  violating: { "deletionProtectionEnabled false": { "deletionProtectionEnabled": false }, "deletionProtectionEnabled unset (AWS default false)": {  } },
  unknown: { "deletionProtectionEnabled unknown": { "deletionProtectionEnabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "deletionProtectionEnabled true": "COMPLIANT",
  "deletionProtectionEnabled false": "NON_COMPLIANT",
  "deletionProtectionEnabled unset (AWS default false)": "NON_COMPLIANT",
});
