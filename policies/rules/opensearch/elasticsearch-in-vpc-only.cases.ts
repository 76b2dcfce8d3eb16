import { requiredPresentCases } from "../cases";

export default requiredPresentCases("aws:elasticsearch/domain:Domain", "vpcOptions.subnetIds", ["subnet-0abc"]);
