import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:codebuild/project:Project", {
  compliant: { "environment.privilegedMode false": { "environment": { "privilegedMode": false } }, "environment.privilegedMode unset (AWS default false)": {  } },
  violating: { "environment.privilegedMode true": { "environment": { "privilegedMode": true } } },
  unknown: { "environment.privilegedMode unknown": { "environment": { "privilegedMode": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "environment.privilegedMode false": "COMPLIANT",
  "environment.privilegedMode unset (AWS default false)": "COMPLIANT",
  "environment.privilegedMode true": "NON_COMPLIANT",
});
