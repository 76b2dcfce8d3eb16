// Catalog entries of the account rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "security-account-information-provided",
    awsConfigIdentifier: "SECURITY_ACCOUNT_INFORMATION_PROVIDED",
    fsbp: ["Account.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "The account has a security contact.",
    remediation: "Add `aws.account.AlternativeContact` with alternateContactType SECURITY, or set managedExternally.",
    resourceTypes: ["aws:account/alternativeContact:AlternativeContact"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
];
