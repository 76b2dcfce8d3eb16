// lambda-inside-vpc: Lambda functions run in a VPC. (FSBP Lambda.3)
import { at, requirePresent, settingRule } from "../../judge";

export default settingRule("lambda-inside-vpc", (p) => requirePresent(at(p, "vpcConfig.subnetIds"), "runs outside your VPC: set vpcConfig.subnetIds and securityGroupIds"));
