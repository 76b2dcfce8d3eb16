// Catalog entries of the emr rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "emr-block-public-access",
    awsConfigIdentifier: "EMR_BLOCK_PUBLIC_ACCESS",
    fsbp: ["EMR.2"],
    severity: "critical",
    enforcement: "advisory",
    description: "Amazon EMR block public access is on (only port 22 may be an exception).",
    remediation: "Add `aws.emr.BlockPublicAccessConfiguration` with blockPublicSecurityGroupRules true, or set managedExternally.",
    resourceTypes: ["aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
];
