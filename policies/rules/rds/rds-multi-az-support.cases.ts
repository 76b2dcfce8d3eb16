import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "multiAz true": { "multiAz": true } },
  violating: { "multiAz false": { "multiAz": false }, "multiAz unset (AWS default false)": {  } },
  unknown: { "multiAz unknown": { "multiAz": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "multiAz true": "COMPLIANT",
  "multiAz false": "NON_COMPLIANT",
  "multiAz unset (AWS default false)": "NON_COMPLIANT",
});
