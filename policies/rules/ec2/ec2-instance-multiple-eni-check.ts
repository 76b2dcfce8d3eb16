// ec2-instance-multiple-eni-check: EC2 instances have one network interface. (FSBP EC2.17)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ec2-instance-multiple-eni-check", (p) => (isUnknown(p.networkInterfaces) ? UNKNOWN : asArray(p.networkInterfaces).length > 1 ? "has several network interfaces: attach one" : undefined));
