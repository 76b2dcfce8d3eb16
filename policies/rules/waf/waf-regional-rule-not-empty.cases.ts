import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:wafregional/rule:Rule", {
  compliant: { "predicates set": { "name": "n", "metricName": "m", "predicates": [{ "dataId": "ipset", "negated": false, "type": "IPMatch" }] } },
  violating: { "predicates unset": { "name": "n", "metricName": "m" } },
  unknown: { "predicates unknown": { "name": "n", "metricName": "m", "predicates": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "predicates set": "COMPLIANT",
  "predicates unset": "NON_COMPLIANT",
});
