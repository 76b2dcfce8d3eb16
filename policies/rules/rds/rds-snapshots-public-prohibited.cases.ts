import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/snapshot:Snapshot", {
  compliant: { "shared with one account": { "sharedAccounts": ["123456789012"] }, "not shared": {  } },
  violating: { "shared with all": { "sharedAccounts": ["all"] } },
  unknown: { "accounts unknown": { "sharedAccounts": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "shared with one account": "COMPLIANT",
  "not shared": "COMPLIANT",
  "shared with all": "NON_COMPLIANT",
});
