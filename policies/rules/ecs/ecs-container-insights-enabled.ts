// ecs-container-insights-enabled: ECS clusters have Container Insights enabled. (FSBP ECS.12)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ecs-container-insights-enabled", (p) => {
  if (isUnknown(p.settings)) return UNKNOWN;
  const setting = asArray(p.settings).find((s) => s?.name === "containerInsights");
  if (isUnknown(setting?.value)) return UNKNOWN;
  return ["enabled", "enhanced"].includes(setting?.value) ? undefined : "has no Container Insights: add the containerInsights setting with value enabled";
});
