// Catalog entries of the macie rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "macie-status-check",
    awsConfigIdentifier: "MACIE_STATUS_CHECK",
    fsbp: ["Macie.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Amazon Macie is enabled.",
    remediation: "Add `aws.macie2.Account` (status ENABLED), or set managedExternally.",
    resourceTypes: ["aws:macie2/account:Account"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
];
