import { requiredPresentCases } from "../cases";

export default requiredPresentCases("aws:opensearch/domain:Domain", "vpcOptions.subnetIds", ["subnet-0abc"]);
