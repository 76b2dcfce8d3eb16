import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:appsync/apiCache:ApiCache", {
  compliant: { "atRestEncryptionEnabled true": { "atRestEncryptionEnabled": true } },
  violating: { "atRestEncryptionEnabled false": { "atRestEncryptionEnabled": false }, "atRestEncryptionEnabled unset (AWS default false)": {  } },
  unknown: { "atRestEncryptionEnabled unknown": { "atRestEncryptionEnabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "atRestEncryptionEnabled true": "COMPLIANT",
  "atRestEncryptionEnabled false": "NON_COMPLIANT",
  "atRestEncryptionEnabled unset (AWS default false)": "NON_COMPLIANT",
});
