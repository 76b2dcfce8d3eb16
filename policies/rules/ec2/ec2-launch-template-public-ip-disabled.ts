// ec2-launch-template-public-ip-disabled: EC2 launch templates assign no public IP addresses to network interfaces. (FSBP EC2.25)
import { asArray, isTrue } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ec2-launch-template-public-ip-disabled", (p) => {
  if (isUnknown(p.networkInterfaces) || asArray(p.networkInterfaces).some((n) => isUnknown(n?.associatePublicIpAddress))) return UNKNOWN;
  return asArray(p.networkInterfaces).some((n) => isTrue(n?.associatePublicIpAddress)) ? "gives instances public IP addresses: remove associatePublicIpAddress from networkInterfaces" : undefined;
});
