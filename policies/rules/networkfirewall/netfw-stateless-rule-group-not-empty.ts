// netfw-stateless-rule-group-not-empty: Stateless Network Firewall rule groups contain rules. (FSBP NetworkFirewall.6)
import { asArray } from "../../helpers";
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("netfw-stateless-rule-group-not-empty", (p) => {
  if (isUnknown(p.type)) return UNKNOWN;
  if (p.type !== "STATELESS") return undefined;
  const rules = at(p, "ruleGroup.rulesSource.statelessRulesAndCustomActions.statelessRules");
  if (isUnknown(rules)) return UNKNOWN;
  return asArray(rules).length > 0 ? undefined : "is a stateless rule group without rules: add rules or delete it";
});
