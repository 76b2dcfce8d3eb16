// neptune-cluster-backup-retention-check: Neptune clusters keep automated backups for at least 7 days. (FSBP Neptune.5)
import { requireAtLeast, settingRule } from "../../judge";

export default settingRule("neptune-cluster-backup-retention-check", (p) => requireAtLeast(p.backupRetentionPeriod, 7, "keeps backups for less than 7 days: set backupRetentionPeriod to 7 or more", 1));
