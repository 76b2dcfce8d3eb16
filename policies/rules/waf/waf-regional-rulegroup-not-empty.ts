// waf-regional-rulegroup-not-empty: WAF Classic regional rule groups have at least one rule. (FSBP WAF.3)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("waf-regional-rulegroup-not-empty", (p) => requirePresent(p.activatedRules, "has no rule: add activatedRules or delete it"));
