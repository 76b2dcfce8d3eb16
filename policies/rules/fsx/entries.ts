// Catalog entries of the fsx rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "fsx-openzfs-copy-tags-enabled",
    awsConfigIdentifier: "FSX_OPENZFS_COPY_TAGS_ENABLED",
    fsbp: ["FSx.1"],
    severity: "low",
    enforcement: "advisory",
    description: "FSx for OpenZFS file systems copy their tags to backups and volumes.",
    remediation: "Set `copyTagsToBackups: true` and `copyTagsToVolumes: true`.",
    resourceTypes: ["aws:fsx/openZfsFileSystem:OpenZfsFileSystem"],
    preview: "resource",
  },
];
