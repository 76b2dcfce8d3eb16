// ecs-service-assign-public-ip-disabled: ECS services do not assign public IP addresses to their tasks. (FSBP ECS.2)
// Security Hub's own rule (no AWS Config managed rule): the flag is on the service's network configuration.
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ecs-service-assign-public-ip-disabled", (p) => {
  const assign = at(p, "networkConfiguration.assignPublicIp");
  if (isUnknown(assign)) return UNKNOWN;
  return assign === true ? "assigns public IP addresses to its tasks: set networkConfiguration.assignPublicIp false" : undefined;
});
