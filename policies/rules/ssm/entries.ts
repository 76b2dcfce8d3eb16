// Catalog entries of the ssm rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "ssm-document-not-public",
    awsConfigIdentifier: "SSM_DOCUMENT_NOT_PUBLIC",
    fsbp: ["SSM.4"],
    severity: "critical",
    enforcement: "mandatory",
    description: "SSM documents are not shared publicly.",
    remediation: "Remove `permissions` with accountIds `All` (share with named accounts only).",
    resourceTypes: ["aws:ssm/document:Document"],
    preview: "resource",
  },
];
