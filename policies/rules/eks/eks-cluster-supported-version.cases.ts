import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:eks/cluster:Cluster", {
  compliant: { "at the oldest supported": { version: "1.30" }, "newer": { version: "1.33" }, "unset (latest)": {} },
  violating: { "older": { version: "1.29" } },
  unknown: { "version unknown": { version: UNKNOWN } },
});
