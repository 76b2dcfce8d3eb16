// secretsmanager-secret-periodic-rotation: Secrets Manager secrets rotate at least every 90 days (configurable). (FSBP SecretsManager.4)
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("secretsmanager-secret-periodic-rotation", (p, config) => {
  const days = at(p, "rotationRules.automaticallyAfterDays"), schedule = at(p, "rotationRules.scheduleExpression");
  if (isUnknown(days) || isUnknown(schedule)) return UNKNOWN;
  if (schedule !== undefined) return undefined;
  return typeof days === "number" && days <= config.maxDaysSinceRotation ? undefined : `rotates every ${days ?? "?"} days: set rotationRules.automaticallyAfterDays to ${config.maxDaysSinceRotation} or less`;
});
