import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:waf/ruleGroup:RuleGroup", {
  compliant: { "activatedRules set": { "name": "n", "metricName": "m", "activatedRules": [{ "action": { "type": "COUNT" }, "priority": 1, "ruleId": "r" }] } },
  violating: { "activatedRules unset": { "name": "n", "metricName": "m" } },
  unknown: { "activatedRules unknown": { "name": "n", "metricName": "m", "activatedRules": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "activatedRules set": "COMPLIANT",
  "activatedRules unset": "NON_COMPLIANT",
});
