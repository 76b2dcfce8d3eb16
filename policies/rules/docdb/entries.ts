// Catalog entries of the docdb rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "docdb-cluster-audit-logging-enabled",
    awsConfigIdentifier: "DOCDB_CLUSTER_AUDIT_LOGGING_ENABLED",
    fsbp: ["DocumentDB.4"],
    severity: "medium",
    enforcement: "advisory",
    description: "DocumentDB clusters publish audit logs to CloudWatch Logs.",
    remediation: "Add `audit` to `enabledCloudwatchLogsExports`.",
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "docdb-cluster-encrypted",
    awsConfigIdentifier: "DOCDB_CLUSTER_ENCRYPTED",
    fsbp: ["DocumentDB.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "DocumentDB clusters encrypt their storage.",
    remediation: "Set `storageEncrypted: true` (and `kmsKeyId`). Encryption is chosen at creation.",
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "docdb-cluster-backup-retention-check",
    awsConfigIdentifier: "DOCDB_CLUSTER_BACKUP_RETENTION_CHECK",
    fsbp: ["DocumentDB.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "DocumentDB clusters keep automated backups for at least 7 days.",
    remediation: "Set `backupRetentionPeriod: 7` or more.",
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "docdb-cluster-deletion-protection-enabled",
    awsConfigIdentifier: "DOCDB_CLUSTER_DELETION_PROTECTION_ENABLED",
    fsbp: ["DocumentDB.5"],
    severity: "medium",
    enforcement: "advisory",
    description: "DocumentDB clusters have deletion protection.",
    remediation: "Set `deletionProtection: true`.",
    resourceTypes: ["aws:docdb/cluster:Cluster"],
    preview: "resource",
  },
];
