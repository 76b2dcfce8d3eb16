// Catalog entries of the dynamodb rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "dax-encryption-enabled",
    awsConfigIdentifier: "DAX_ENCRYPTION_ENABLED",
    fsbp: ["DynamoDB.3"],
    severity: "medium",
    enforcement: "advisory",
    description: "DynamoDB Accelerator clusters encrypt data at rest.",
    remediation: "Set `serverSideEncryption: { enabled: true }` (chosen at creation).",
    resourceTypes: ["aws:dax/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "dax-tls-endpoint-encryption",
    awsConfigIdentifier: "DAX_TLS_ENDPOINT_ENCRYPTION",
    fsbp: ["DynamoDB.7"],
    severity: "medium",
    enforcement: "advisory",
    description: "DynamoDB Accelerator clusters encrypt connections (TLS endpoint).",
    remediation: "Set `clusterEndpointEncryptionType: \"TLS\"` (chosen at creation).",
    resourceTypes: ["aws:dax/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "dynamodb-table-deletion-protection-enabled",
    awsConfigIdentifier: "DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED",
    fsbp: ["DynamoDB.6"],
    severity: "medium",
    enforcement: "advisory",
    description: "DynamoDB tables have deletion protection.",
    remediation: "Set `deletionProtectionEnabled: true`.",
    resourceTypes: ["aws:dynamodb/table:Table"],
    preview: "resource",
  },
];
