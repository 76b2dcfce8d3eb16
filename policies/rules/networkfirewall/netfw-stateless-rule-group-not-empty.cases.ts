import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:networkfirewall/ruleGroup:RuleGroup", {
  compliant: { "one rule": { "type": "STATELESS", "capacity": 10, "ruleGroup": { "rulesSource": { "statelessRulesAndCustomActions": { "statelessRules": [{ "priority": 1, "ruleDefinition": { "actions": ["aws:drop"], "matchAttributes": {  } } }] } } } } },
  violating: { "empty": { "type": "STATELESS", "capacity": 10, "ruleGroup": { "rulesSource": { "statelessRulesAndCustomActions": { "statelessRules": [] } } } } },
  notApplicable: { "stateful": { "type": "STATEFUL", "capacity": 10 } },
  unknown: { "rules unknown": { "type": "STATELESS", "capacity": 10, "ruleGroup": { "rulesSource": { "statelessRulesAndCustomActions": { "statelessRules": UNKNOWN } } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "one rule": "COMPLIANT",
  "empty": "NON_COMPLIANT",
  "stateful": "NOT_APPLICABLE",
});
