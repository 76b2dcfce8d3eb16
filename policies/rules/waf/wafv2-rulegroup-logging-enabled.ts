// wafv2-rulegroup-logging-enabled: WAF web ACL rules and rule groups send CloudWatch metrics. (FSBP WAF.12)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("wafv2-rulegroup-logging-enabled", (p) => {
  const rules = asArray(p.rules);
  if (isUnknown(p.rules) || rules.some((r) => isUnknown(r?.visibilityConfig) || isUnknown(r?.visibilityConfig?.cloudwatchMetricsEnabled))) return UNKNOWN;
  const dark = rules.filter((r) => r?.visibilityConfig?.cloudwatchMetricsEnabled !== true).map((r) => shown(r?.name));
  return dark.length ? `rule ${dark.join(", ")} sends no CloudWatch metrics: set visibilityConfig.cloudwatchMetricsEnabled true` : undefined;
});
