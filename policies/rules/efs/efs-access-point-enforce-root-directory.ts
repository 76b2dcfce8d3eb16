// efs-access-point-enforce-root-directory: EFS access points confine clients to a root directory other than the file system's root. (FSBP EFS.3)
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("efs-access-point-enforce-root-directory", (p) => {
  const path = at(p, "rootDirectory.path");
  if (isUnknown(path)) return UNKNOWN;
  return typeof path === "string" && path !== "" && path !== "/" ? undefined : "exposes the file system's root: set rootDirectory.path";
});
