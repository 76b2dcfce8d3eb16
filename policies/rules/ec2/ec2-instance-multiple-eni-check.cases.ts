import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2/instance:Instance", {
  compliant: { "default interface": { "ami": "ami-1", "instanceType": "t3.micro" } },
  violating: { "two interfaces": { "ami": "ami-1", "instanceType": "t3.micro", "networkInterfaces": [{ "deviceIndex": 0, "networkInterfaceId": "eni-1" }, { "deviceIndex": 1, "networkInterfaceId": "eni-2" }] } },
  unknown: { "interfaces unknown": { "ami": "ami-1", "networkInterfaces": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "default interface": "COMPLIANT",
  "two interfaces": "NON_COMPLIANT",
});
