// docdb rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import docdbClusterAuditLoggingEnabled from "./docdb-cluster-audit-logging-enabled";
import docdbClusterBackupRetentionCheck from "./docdb-cluster-backup-retention-check";
import docdbClusterDeletionProtectionEnabled from "./docdb-cluster-deletion-protection-enabled";
import docdbClusterEncrypted from "./docdb-cluster-encrypted";

export const rules: readonly Rule[] = [docdbClusterAuditLoggingEnabled, docdbClusterBackupRetentionCheck, docdbClusterDeletionProtectionEnabled, docdbClusterEncrypted];
