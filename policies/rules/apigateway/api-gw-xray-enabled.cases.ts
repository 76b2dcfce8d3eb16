import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:apigateway/stage:Stage", {
  compliant: { "xrayTracingEnabled true": { "restApi": "api", "deployment": "d", "stageName": "prod", "xrayTracingEnabled": true } },
  violating: { "xrayTracingEnabled false": { "restApi": "api", "deployment": "d", "stageName": "prod", "xrayTracingEnabled": false }, "xrayTracingEnabled unset (AWS default false)": { "restApi": "api", "deployment": "d", "stageName": "prod" } },
  unknown: { "xrayTracingEnabled unknown": { "restApi": "api", "deployment": "d", "stageName": "prod", "xrayTracingEnabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "xrayTracingEnabled true": "COMPLIANT",
  "xrayTracingEnabled false": "NON_COMPLIANT",
  "xrayTracingEnabled unset (AWS default false)": "NON_COMPLIANT",
});
