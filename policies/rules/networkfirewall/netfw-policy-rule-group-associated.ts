// netfw-policy-rule-group-associated: Network Firewall policies have at least one rule group. (FSBP NetworkFirewall.3)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("netfw-policy-rule-group-associated", (p) => {
  const fp = p.firewallPolicy;
  if (isUnknown(fp) || isUnknown(fp?.statefulRuleGroupReferences) || isUnknown(fp?.statelessRuleGroupReferences)) return UNKNOWN;
  return asArray(fp?.statefulRuleGroupReferences).length + asArray(fp?.statelessRuleGroupReferences).length > 0 ? undefined : "has no rule group: add stateful or stateless rule group references";
});
