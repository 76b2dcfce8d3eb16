import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:wafregional/webAcl:WebAcl", {
  compliant: { "rules set": { "name": "n", "metricName": "m", "rules": [{ "action": { "type": "BLOCK" }, "priority": 1, "ruleId": "r" }] } },
  violating: { "rules unset": { "name": "n", "metricName": "m" } },
  unknown: { "rules unknown": { "name": "n", "metricName": "m", "rules": UNKNOWN } },
});
