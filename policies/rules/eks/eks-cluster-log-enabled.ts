// eks-cluster-log-enabled: EKS clusters send the configured control-plane log types (audit by default) to CloudWatch Logs. (FSBP EKS.8)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("eks-cluster-log-enabled", (p, config) => {
  if (isUnknown(p.enabledClusterLogTypes) || asArray(p.enabledClusterLogTypes).some(isUnknown)) return UNKNOWN;
  const missing = (config.logTypes as string[]).filter((t) => !asArray(p.enabledClusterLogTypes).includes(t));
  return missing.length ? `does not log ${missing.join(", ")}: add them to enabledClusterLogTypes` : undefined;
});
