// ec2-transit-gateway-auto-vpc-attach-disabled: Transit gateways do not accept VPC attachment requests automatically. (FSBP EC2.23)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("ec2-transit-gateway-auto-vpc-attach-disabled", (p) => requireNotIn(p.autoAcceptSharedAttachments, ["enable"], "accepts attachment requests automatically: set autoAcceptSharedAttachments disable"));
