import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "defaultRootObject set": { "defaultRootObject": "index.html" } },
  violating: { "defaultRootObject unset": {  } },
  unknown: { "defaultRootObject unknown": { "defaultRootObject": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "defaultRootObject set": "COMPLIANT",
  "defaultRootObject unset": "NON_COMPLIANT",
});
