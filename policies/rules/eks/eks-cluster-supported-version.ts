// eks-cluster-supported-version: EKS clusters run a Kubernetes version at or above the oldest supported one. (FSBP EKS.2)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("eks-cluster-supported-version", (p, config) => {
  if (isUnknown(p.version)) return UNKNOWN;
  if (typeof p.version !== "string") return undefined;
  const [major, minor] = p.version.split(".").map(Number);
  const [oldMajor, oldMinor] = String(config.oldestVersionSupported).split(".").map(Number);
  return major > oldMajor || (major === oldMajor && minor >= oldMinor) ? undefined : `runs Kubernetes ${p.version}, older than ${config.oldestVersionSupported}: upgrade version`;
});
