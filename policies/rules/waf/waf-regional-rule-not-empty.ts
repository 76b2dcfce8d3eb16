// waf-regional-rule-not-empty: WAF Classic regional rules have at least one condition. (FSBP WAF.2)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("waf-regional-rule-not-empty", (p) => requirePresent(p.predicates, "has no condition: add predicates or delete it"));
