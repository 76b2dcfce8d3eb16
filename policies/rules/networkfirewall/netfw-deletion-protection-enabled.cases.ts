import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:networkfirewall/firewall:Firewall", {
  compliant: { "deleteProtection true": { "deleteProtection": true } },
  violating: { "deleteProtection false": { "deleteProtection": false }, "deleteProtection unset (AWS default false)": {  } },
  unknown: { "deleteProtection unknown": { "deleteProtection": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "deleteProtection true": "COMPLIANT",
  "deleteProtection false": "NON_COMPLIANT",
  "deleteProtection unset (AWS default false)": "NON_COMPLIANT",
});
