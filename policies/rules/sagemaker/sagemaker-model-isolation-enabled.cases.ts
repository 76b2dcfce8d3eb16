import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:sagemaker/model:Model", {
  compliant: { "enableNetworkIsolation true": { "enableNetworkIsolation": true } },
  violating: { "enableNetworkIsolation false": { "enableNetworkIsolation": false }, "enableNetworkIsolation unset (AWS default false)": {  } },
  unknown: { "enableNetworkIsolation unknown": { "enableNetworkIsolation": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enableNetworkIsolation true": "COMPLIANT",
  "enableNetworkIsolation false": "NON_COMPLIANT",
  "enableNetworkIsolation unset (AWS default false)": "NON_COMPLIANT",
});
