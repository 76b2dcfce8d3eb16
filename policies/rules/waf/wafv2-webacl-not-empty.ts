// wafv2-webacl-not-empty: WAF web ACLs contain at least one rule or rule group. (FSBP WAF.10)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("wafv2-webacl-not-empty", (p) => requirePresent(p.rules ?? p.ruleJson, "has no rules: add rules or rule groups"));
