// neptune rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import neptuneClusterBackupRetentionCheck from "./neptune-cluster-backup-retention-check";
import neptuneClusterCloudwatchLogExportEnabled from "./neptune-cluster-cloudwatch-log-export-enabled";
import neptuneClusterCopyTagsToSnapshotEnabled from "./neptune-cluster-copy-tags-to-snapshot-enabled";
import neptuneClusterDeletionProtectionEnabled from "./neptune-cluster-deletion-protection-enabled";
import neptuneClusterEncrypted from "./neptune-cluster-encrypted";
import neptuneClusterIamDatabaseAuthentication from "./neptune-cluster-iam-database-authentication";

export const rules: readonly Rule[] = [neptuneClusterBackupRetentionCheck, neptuneClusterCloudwatchLogExportEnabled, neptuneClusterCopyTagsToSnapshotEnabled, neptuneClusterDeletionProtectionEnabled, neptuneClusterEncrypted, neptuneClusterIamDatabaseAuthentication];
