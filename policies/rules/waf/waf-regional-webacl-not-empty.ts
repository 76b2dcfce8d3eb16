// waf-regional-webacl-not-empty: WAF Classic regional web ACLs have at least one rule or rule group. (FSBP WAF.4)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("waf-regional-webacl-not-empty", (p) => requirePresent(p.rules, "has no rule or rule group: add rules or delete it"));
