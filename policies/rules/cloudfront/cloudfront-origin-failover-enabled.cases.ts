import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "originGroups set": { "originGroups": [{ "originId": "g", "failoverCriteria": { "statusCodes": [500, 502, 503, 504] }, "members": [{ "originId": "a" }, { "originId": "b" }] }] } },
  violating: { "originGroups unset": {  } },
  unknown: { "originGroups unknown": { "originGroups": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "originGroups set": "COMPLIANT",
  "originGroups unset": "NON_COMPLIANT",
});
