import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/cluster:Cluster", {
  compliant: { "enabled": { settings: [{ name: "containerInsights", value: "enabled" }] }, "enhanced": { settings: [{ name: "containerInsights", value: "enhanced" }] } },
  violating: { "no settings": {}, "disabled": { settings: [{ name: "containerInsights", value: "disabled" }] } },
  unknown: { "value unknown": { settings: [{ name: "containerInsights", value: UNKNOWN }] } },
});
