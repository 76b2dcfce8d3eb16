// db-instance-backup-enabled: RDS DB instances have automated backups. (FSBP RDS.11)
import { requireAtLeast, settingRule } from "../../judge";

export default settingRule("db-instance-backup-enabled", (p) => p.replicateSourceDb !== undefined ? undefined : requireAtLeast(p.backupRetentionPeriod, 1, "has automated backups off: set backupRetentionPeriod to at least 1 day", 1));
