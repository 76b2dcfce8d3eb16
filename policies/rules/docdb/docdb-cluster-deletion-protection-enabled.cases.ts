import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:docdb/cluster:Cluster", "deletionProtection", false);
