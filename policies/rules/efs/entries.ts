// Catalog entries of the efs rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "efs-access-point-enforce-root-directory",
    awsConfigIdentifier: "EFS_ACCESS_POINT_ENFORCE_ROOT_DIRECTORY",
    fsbp: ["EFS.3"],
    severity: "medium",
    enforcement: "advisory",
    description: "EFS access points confine clients to a root directory other than the file system's root.",
    remediation: "Set `rootDirectory.path` (for example `/app`).",
    resourceTypes: ["aws:efs/accessPoint:AccessPoint"],
    preview: "resource",
  },
  {
    id: "efs-access-point-enforce-user-identity",
    awsConfigIdentifier: "EFS_ACCESS_POINT_ENFORCE_USER_IDENTITY",
    fsbp: ["EFS.4"],
    severity: "medium",
    enforcement: "advisory",
    description: "EFS access points enforce a POSIX user identity.",
    remediation: "Set `posixUser: { uid, gid }`.",
    resourceTypes: ["aws:efs/accessPoint:AccessPoint"],
    preview: "resource",
  },
];
