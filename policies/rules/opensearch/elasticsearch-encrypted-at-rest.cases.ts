import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:elasticsearch/domain:Domain", "encryptAtRest.enabled", false);
