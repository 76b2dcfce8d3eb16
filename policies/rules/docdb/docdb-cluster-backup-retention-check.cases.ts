import { backupRetentionCases } from "../cases";

export default backupRetentionCases("aws:docdb/cluster:Cluster");
