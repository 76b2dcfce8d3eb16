// Catalog entries of the cognito rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "cognito-user-pool-advanced-security-enabled",
    awsConfigIdentifier: "COGNITO_USER_POOL_ADVANCED_SECURITY_ENABLED",
    fsbp: ["Cognito.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Cognito user pools enforce threat protection (advanced security) for standard authentication.",
    remediation: "Set `userPoolAddOns: { advancedSecurityMode: \"ENFORCED\" }` (Plus tier).",
    resourceTypes: ["aws:cognito/userPool:UserPool"],
    preview: "resource",
    // The rule passes any advanced security mode unless told which; the control and this policy require ENFORCED.
    awsConfigParameters: () => ({ SecurityMode: "ENFORCED" }),
  },
];
