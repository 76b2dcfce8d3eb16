import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2/launchTemplate:LaunchTemplate", {
  compliant: { "private interface": { "networkInterfaces": [{ "associatePublicIpAddress": "false", "subnetId": "subnet-1" }] } },
  violating: { "public interface": { "networkInterfaces": [{ "associatePublicIpAddress": "true", "subnetId": "subnet-1" }] } },
  notApplicable: { "no interfaces": { "imageId": "ami-1" } },
  unknown: { "flag unknown": { "networkInterfaces": [{ "associatePublicIpAddress": UNKNOWN }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "private interface": "COMPLIANT",
  "public interface": "NON_COMPLIANT",
  "no interfaces": "COMPLIANT",
});
