import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:rds/cluster:Cluster", "iamDatabaseAuthenticationEnabled", false);
