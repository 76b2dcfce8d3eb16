// waf-global-webacl-not-empty: WAF Classic global web ACLs have at least one rule or rule group. (FSBP WAF.8)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("waf-global-webacl-not-empty", (p) => requirePresent(p.rules, "has no rule or rule group: add rules or delete it"));
