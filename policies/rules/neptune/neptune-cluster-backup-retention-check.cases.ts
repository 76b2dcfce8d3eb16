import { backupRetentionCases } from "../cases";

export default backupRetentionCases("aws:neptune/cluster:Cluster");
