import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:eks/cluster:Cluster", {
  compliant: { "audit logged": { enabledClusterLogTypes: ["api", "audit"] } },
  violating: { "no logs": {}, "api only": { enabledClusterLogTypes: ["api"] } },
  unknown: { "list unknown": { enabledClusterLogTypes: UNKNOWN } },
});
