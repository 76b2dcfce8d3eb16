import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:opensearch/domain:Domain", {
  compliant: { "encryptAtRest.enabled true": { "encryptAtRest": { "enabled": true } } },
  violating: { "encryptAtRest.enabled false": { "encryptAtRest": { "enabled": false } }, "encryptAtRest.enabled unset (AWS default false)": {  } },
  unknown: { "encryptAtRest.enabled unknown": { "encryptAtRest": { "enabled": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encryptAtRest.enabled true": "COMPLIANT",
  "encryptAtRest.enabled false": "NON_COMPLIANT",
  "encryptAtRest.enabled unset (AWS default false)": "NON_COMPLIANT",
});
