import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:opensearch/domain:Domain", "encryptAtRest.enabled", false);
