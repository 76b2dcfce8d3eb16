import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:elasticache/cluster:Cluster", "autoMinorVersionUpgrade", true);
