// Catalog entries of the acm rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "acm-certificate-rsa-check",
    awsConfigIdentifier: "ACM_CERTIFICATE_RSA_CHECK",
    fsbp: ["ACM.2"],
    severity: "high",
    enforcement: "advisory",
    description: "ACM RSA certificates use keys of at least 2048 bits.",
    remediation: "Set `keyAlgorithm` to `RSA_2048` (or an EC algorithm).",
    resourceTypes: ["aws:acm/certificate:Certificate"],
    preview: "resource",
  },
  {
    id: "acm-pca-root-ca-disabled",
    awsConfigIdentifier: "ACM_PCA_ROOT_CA_DISABLED",
    fsbp: ["PrivateCertificateAuthority.1"],
    severity: "low",
    enforcement: "advisory",
    description: "AWS Private CA root certificate authorities are disabled (issue from subordinates).",
    remediation: "Issue from a subordinate CA and set `enabled: false` on the root.",
    resourceTypes: ["aws:acmpca/certificateAuthority:CertificateAuthority"],
    preview: "resource",
  },
];
