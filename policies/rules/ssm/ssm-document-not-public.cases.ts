import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ssm/document:Document", {
  compliant: { "shared with one account": { "permissions": { "type": "Share", "accountIds": "123456789012" } } },
  violating: { "shared with All": { "permissions": { "type": "Share", "accountIds": "All" } } },
  notApplicable: { "not shared": {  } },
  unknown: { "accounts unknown": { "permissions": { "type": "Share", "accountIds": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "shared with one account": "COMPLIANT",
  "shared with All": "NON_COMPLIANT",
  "not shared": "COMPLIANT",
});
