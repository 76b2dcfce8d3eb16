// redshift-backup-enabled: Redshift clusters have automated snapshots. (FSBP Redshift.3)
import { requireAtLeast, settingRule } from "../../judge";

export default settingRule("redshift-backup-enabled", (p) => requireAtLeast(p.automatedSnapshotRetentionPeriod, 1, "has automated snapshots off: set automatedSnapshotRetentionPeriod to at least 1", 1));
