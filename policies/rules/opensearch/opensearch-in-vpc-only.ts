// opensearch-in-vpc-only: OpenSearch domains are reachable only inside a VPC. (FSBP OpenSearch.2)
import { at, requirePresent, settingRule } from "../../judge";

export default settingRule("opensearch-in-vpc-only", (p) => requirePresent(at(p, "vpcOptions.subnetIds"), "has a public endpoint: place it in a VPC with vpcOptions.subnetIds"));
