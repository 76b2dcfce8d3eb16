// waf-global-rulegroup-not-empty: WAF Classic global rule groups have at least one rule. (FSBP WAF.7)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("waf-global-rulegroup-not-empty", (p) => requirePresent(p.activatedRules, "has no rule: add activatedRules or delete it"));
