import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:wafv2/webAcl:WebAcl", {
  compliant: { "rules set": { "scope": "REGIONAL", "defaultAction": { "allow": {  } }, "rules": [{ "name": "common", "priority": 1 }] } },
  violating: { "rules unset": { "scope": "REGIONAL", "defaultAction": { "allow": {  } } } },
  unknown: { "rules unknown": { "scope": "REGIONAL", "defaultAction": { "allow": {  } }, "rules": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "rules set": "COMPLIANT",
  "rules unset": "NON_COMPLIANT",
});
