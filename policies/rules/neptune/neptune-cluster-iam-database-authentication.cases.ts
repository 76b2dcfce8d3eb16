import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:neptune/cluster:Cluster", "iamDatabaseAuthenticationEnabled", false);
