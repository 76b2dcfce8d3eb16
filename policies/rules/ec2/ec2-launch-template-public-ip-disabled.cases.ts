import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ec2/launchTemplate:LaunchTemplate", {
  compliant: { "private interface": { "networkInterfaces": [{ "associatePublicIpAddress": "false", "subnetId": "subnet-1" }] } },
  violating: { "public interface": { "networkInterfaces": [{ "associatePublicIpAddress": "true", "subnetId": "subnet-1" }] } },
  notApplicable: { "no interfaces": { "imageId": "ami-1" } },
  unknown: { "flag unknown": { "networkInterfaces": [{ "associatePublicIpAddress": UNKNOWN }] } },
});
