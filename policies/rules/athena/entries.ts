// Catalog entries of the athena rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "athena-workgroup-encrypted-at-rest",
    awsConfigIdentifier: "ATHENA_WORKGROUP_ENCRYPTED_AT_REST",
    fsbp: ["Athena.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Athena workgroups encrypt query results at rest.",
    remediation: "Set `configuration.resultConfiguration.encryptionConfiguration.encryptionOption` (SSE_KMS with `kmsKeyArn`, or SSE_S3).",
    resourceTypes: ["aws:athena/workgroup:Workgroup"],
    preview: "resource",
  },
];
