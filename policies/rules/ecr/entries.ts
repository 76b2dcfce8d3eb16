// Catalog entries of the ecr rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "ecr-private-image-scanning-enabled",
    awsConfigIdentifier: "ECR_PRIVATE_IMAGE_SCANNING_ENABLED",
    fsbp: ["ECR.1"],
    severity: "high",
    enforcement: "advisory",
    description: "ECR private repositories scan images on push, or the registry's scanning configuration scans them.",
    remediation: "Set `imageScanningConfiguration.scanOnPush` true, or add `aws.ecr.RegistryScanningConfiguration` with a rule covering the repository.",
    resourceTypes: ["aws:ecr/repository:Repository","aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"],
    preview: "stack",
  },
  {
    id: "ecr-private-tag-immutability-enabled",
    awsConfigIdentifier: "ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED",
    fsbp: ["ECR.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "ECR private repositories have immutable image tags.",
    remediation: "Set `imageTagMutability: \"IMMUTABLE\"` (or `IMMUTABLE_WITH_EXCLUSION`).",
    resourceTypes: ["aws:ecr/repository:Repository"],
    preview: "resource",
  },
  {
    id: "ecr-private-lifecycle-policy-configured",
    awsConfigIdentifier: "ECR_PRIVATE_LIFECYCLE_POLICY_CONFIGURED",
    fsbp: ["ECR.3"],
    severity: "medium",
    enforcement: "advisory",
    description: "ECR private repositories have a lifecycle policy.",
    remediation: "Add `aws.ecr.LifecyclePolicy` for the repository (for example: expire untagged images after 14 days).",
    resourceTypes: ["aws:ecr/repository:Repository","aws:ecr/lifecyclePolicy:LifecyclePolicy"],
    preview: "stack",
  },
];
