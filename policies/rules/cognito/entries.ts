// Catalog entries of the cognito rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "cognito-user-pool-threat-protection-enforced",
    fsbp: ["Cognito.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Cognito user pools enforce threat protection (advanced security) for standard authentication.",
    remediation: "Set `userPoolAddOns: { advancedSecurityMode: \"ENFORCED\" }` (Plus tier).",
    resourceTypes: ["aws:cognito/userPool:UserPool"],
    preview: "resource",
  },
];
