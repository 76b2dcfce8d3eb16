import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2clientvpn/endpoint:Endpoint", {
  compliant: { "connectionLogOptions.enabled true": { "connectionLogOptions": { "enabled": true } } },
  violating: { "connectionLogOptions.enabled false": { "connectionLogOptions": { "enabled": false } }, "connectionLogOptions.enabled unset (AWS default false)": {  } },
  unknown: { "connectionLogOptions.enabled unknown": { "connectionLogOptions": { "enabled": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "connectionLogOptions.enabled true": "COMPLIANT",
  "connectionLogOptions.enabled false": "NON_COMPLIANT",
  "connectionLogOptions.enabled unset (AWS default false)": "NON_COMPLIANT",
});
