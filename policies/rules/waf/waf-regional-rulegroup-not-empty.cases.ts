import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:wafregional/ruleGroup:RuleGroup", {
  compliant: { "activatedRules set": { "name": "n", "metricName": "m", "activatedRules": [{ "action": { "type": "COUNT" }, "priority": 1, "ruleId": "r" }] } },
  violating: { "activatedRules unset": { "name": "n", "metricName": "m" } },
  unknown: { "activatedRules unknown": { "name": "n", "metricName": "m", "activatedRules": UNKNOWN } },
});
