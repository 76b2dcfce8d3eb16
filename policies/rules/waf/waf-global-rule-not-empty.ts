// waf-global-rule-not-empty: WAF Classic global rules have at least one condition. (FSBP WAF.6)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("waf-global-rule-not-empty", (p) => requirePresent(p.predicates, "has no condition: add predicates or delete it"));
