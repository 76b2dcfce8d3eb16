// subnet-auto-assign-public-ip-disabled: VPC subnets do not assign public IP addresses automatically. (FSBP EC2.15)
import { requireFalse, settingRule } from "../../judge";

export default settingRule("subnet-auto-assign-public-ip-disabled", (p) => requireFalse(p.mapPublicIpOnLaunch, "gives every instance a public IP address: set mapPublicIpOnLaunch false"));
