import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:neptune/cluster:Cluster", {
  compliant: { "copyTagsToSnapshot true": { "copyTagsToSnapshot": true } },
  violating: { "copyTagsToSnapshot false": { "copyTagsToSnapshot": false }, "copyTagsToSnapshot unset (AWS default false)": {  } },
  unknown: { "copyTagsToSnapshot unknown": { "copyTagsToSnapshot": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "copyTagsToSnapshot true": "COMPLIANT",
  "copyTagsToSnapshot false": "NON_COMPLIANT",
  "copyTagsToSnapshot unset (AWS default false)": "NON_COMPLIANT",
});
