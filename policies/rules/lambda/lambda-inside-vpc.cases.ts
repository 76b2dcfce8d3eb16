import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:lambda/function:Function", {
  compliant: { "vpcConfig.subnetIds set": { "vpcConfig": { "subnetIds": ["subnet-0abc"] } } },
  violating: { "vpcConfig.subnetIds unset": {  } },
  unknown: { "vpcConfig.subnetIds unknown": { "vpcConfig": { "subnetIds": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "vpcConfig.subnetIds set": "COMPLIANT",
  "vpcConfig.subnetIds unset": "NON_COMPLIANT",
});
