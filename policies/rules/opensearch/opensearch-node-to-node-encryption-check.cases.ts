import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:opensearch/domain:Domain", "nodeToNodeEncryption.enabled", false);
