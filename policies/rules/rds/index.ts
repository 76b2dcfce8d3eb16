// rds rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import auroraMysqlBacktrackingEnabled from "./aurora-mysql-backtracking-enabled";
import rdsAuroraMysqlAuditLoggingEnabled from "./rds-aurora-mysql-audit-logging-enabled";
import dbInstanceBackupEnabled from "./db-instance-backup-enabled";
import rdsAuroraPostgresqlLogsToCloudwatch from "./rds-aurora-postgresql-logs-to-cloudwatch";
import rdsAutomaticMinorVersionUpgradeEnabled from "./rds-automatic-minor-version-upgrade-enabled";
import rdsClusterAutoMinorVersionUpgradeEnable from "./rds-cluster-auto-minor-version-upgrade-enable";
import rdsClusterCopyTagsToSnapshotsEnabled from "./rds-cluster-copy-tags-to-snapshots-enabled";
import rdsClusterDefaultAdminCheck from "./rds-cluster-default-admin-check";
import rdsClusterDeletionProtectionEnabled from "./rds-cluster-deletion-protection-enabled";
import rdsClusterEncryptedAtRest from "./rds-cluster-encrypted-at-rest";
import rdsClusterIamAuthenticationEnabled from "./rds-cluster-iam-authentication-enabled";
import rdsEnhancedMonitoringEnabled from "./rds-enhanced-monitoring-enabled";
import rdsInstanceCopyTagsToSnapshotsEnabled from "./rds-instance-copy-tags-to-snapshots-enabled";
import rdsInstanceDefaultAdminCheck from "./rds-instance-default-admin-check";
import rdsInstanceDeletionProtectionEnabled from "./rds-instance-deletion-protection-enabled";
import rdsInstanceIamAuthenticationEnabled from "./rds-instance-iam-authentication-enabled";
import rdsInstancePublicAccessCheck from "./rds-instance-public-access-check";
import rdsLoggingEnabled from "./rds-logging-enabled";
import rdsMultiAzSupport from "./rds-multi-az-support";
import rdsNoDefaultPorts from "./rds-no-default-ports";
import rdsPostgresqlLogsToCloudwatch from "./rds-postgresql-logs-to-cloudwatch";
import rdsSnapshotsPublicProhibited from "./rds-snapshots-public-prohibited";
import rdsStorageEncrypted from "./rds-storage-encrypted";

export const rules: readonly Rule[] = [auroraMysqlBacktrackingEnabled, rdsAuroraMysqlAuditLoggingEnabled, dbInstanceBackupEnabled, rdsAuroraPostgresqlLogsToCloudwatch, rdsAutomaticMinorVersionUpgradeEnabled, rdsClusterAutoMinorVersionUpgradeEnable, rdsClusterCopyTagsToSnapshotsEnabled, rdsClusterDefaultAdminCheck, rdsClusterDeletionProtectionEnabled, rdsClusterEncryptedAtRest, rdsClusterIamAuthenticationEnabled, rdsEnhancedMonitoringEnabled, rdsInstanceCopyTagsToSnapshotsEnabled, rdsInstanceDefaultAdminCheck, rdsInstanceDeletionProtectionEnabled, rdsInstanceIamAuthenticationEnabled, rdsInstancePublicAccessCheck, rdsLoggingEnabled, rdsMultiAzSupport, rdsNoDefaultPorts, rdsPostgresqlLogsToCloudwatch, rdsSnapshotsPublicProhibited, rdsStorageEncrypted];
