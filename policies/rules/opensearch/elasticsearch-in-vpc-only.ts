// elasticsearch-in-vpc-only: Elasticsearch domains are reachable only inside a VPC. (FSBP ES.2)
import { at, requirePresent, settingRule } from "../../judge";

export default settingRule("elasticsearch-in-vpc-only", (p) => requirePresent(at(p, "vpcOptions.subnetIds"), "has a public endpoint: place it in a VPC with vpcOptions.subnetIds"));
