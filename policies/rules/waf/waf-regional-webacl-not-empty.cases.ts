import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:wafregional/webAcl:WebAcl", {
  compliant: { "rules set": { "name": "n", "metricName": "m", "rules": [{ "action": { "type": "BLOCK" }, "priority": 1, "ruleId": "r" }] } },
  violating: { "rules unset": { "name": "n", "metricName": "m" } },
  unknown: { "rules unknown": { "name": "n", "metricName": "m", "rules": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "rules set": "COMPLIANT",
  "rules unset": "NON_COMPLIANT",
});
