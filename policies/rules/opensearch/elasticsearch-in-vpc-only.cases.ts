import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "vpcOptions.subnetIds set": { "vpcOptions": { "subnetIds": ["subnet-0abc"] } } },
  violating: { "vpcOptions.subnetIds unset": {  } },
  unknown: { "vpcOptions.subnetIds unknown": { "vpcOptions": { "subnetIds": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "vpcOptions.subnetIds set": "COMPLIANT",
  "vpcOptions.subnetIds unset": "NON_COMPLIANT",
});
