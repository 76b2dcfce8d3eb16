import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:neptune/cluster:Cluster", "deletionProtection", false);
