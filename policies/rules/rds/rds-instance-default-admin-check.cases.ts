import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "username dbowner": { "username": "dbowner" }, "username unset": {  } },
  violating: { "username admin": { "username": "admin" } },
  unknown: { "username unknown": { "username": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "username dbowner": "COMPLIANT",
  "username unset": "COMPLIANT",
  "username admin": "NON_COMPLIANT",
});
