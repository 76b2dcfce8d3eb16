import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:networkfirewall/ruleGroup:RuleGroup", {
  compliant: { "one rule": { "type": "STATELESS", "capacity": 10, "ruleGroup": { "rulesSource": { "statelessRulesAndCustomActions": { "statelessRules": [{ "priority": 1, "ruleDefinition": { "actions": ["aws:drop"], "matchAttributes": {  } } }] } } } } },
  violating: { "empty": { "type": "STATELESS", "capacity": 10, "ruleGroup": { "rulesSource": { "statelessRulesAndCustomActions": { "statelessRules": [] } } } } },
  notApplicable: { "stateful": { "type": "STATEFUL", "capacity": 10 } },
  unknown: { "rules unknown": { "type": "STATELESS", "capacity": 10, "ruleGroup": { "rulesSource": { "statelessRulesAndCustomActions": { "statelessRules": UNKNOWN } } } } },
});
