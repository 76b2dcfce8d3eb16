import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudformation/stack:Stack", {
  compliant: { "notificationArns set": { "notificationArns": ["arn:aws:sns:us-east-1:123456789012:stack-events"] } },
  violating: { "notificationArns unset": {  } },
  unknown: { "notificationArns unknown": { "notificationArns": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "notificationArns set": "COMPLIANT",
  "notificationArns unset": "NON_COMPLIANT",
});
