// Catalog entries of the iam rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "iam-password-policy",
    awsConfigIdentifier: "IAM_PASSWORD_POLICY",
    fsbp: ["IAM.7","IAM.10"],
    severity: "medium",
    enforcement: "advisory",
    description: "The account's IAM password policy is strong: at least 14 characters with upper and lower case letters, numbers and symbols, 24 passwords remembered, at most 90 days.",
    remediation: "Add `aws.iam.AccountPasswordPolicy` with minimumPasswordLength 14, the four character classes, passwordReusePrevention 24 and maxPasswordAge 90, or set managedExternally.",
    resourceTypes: ["aws:iam/accountPasswordPolicy:AccountPasswordPolicy"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
];
