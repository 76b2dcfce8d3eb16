import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2/launchConfiguration:LaunchConfiguration", {
  compliant: { "hop limit 1": { "imageId": "ami-1", "instanceType": "t3.micro", "metadataOptions": { "httpPutResponseHopLimit": 1 } }, "default": { "imageId": "ami-1", "instanceType": "t3.micro" } },
  violating: { "hop limit 2": { "imageId": "ami-1", "instanceType": "t3.micro", "metadataOptions": { "httpPutResponseHopLimit": 2 } } },
  unknown: { "hop limit unknown": { "imageId": "ami-1", "instanceType": "t3.micro", "metadataOptions": { "httpPutResponseHopLimit": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "hop limit 1": "COMPLIANT",
  "default": "COMPLIANT",
  "hop limit 2": "NON_COMPLIANT",
});
