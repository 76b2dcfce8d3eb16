import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:rds/cluster:Cluster", "autoMinorVersionUpgrade", true);
