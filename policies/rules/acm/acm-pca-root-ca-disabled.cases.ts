import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:acmpca/certificateAuthority:CertificateAuthority", {
  compliant: { "disabled root": { "type": "ROOT", "enabled": false } },
  violating: { "enabled root": { "type": "ROOT" } },
  notApplicable: { "subordinate": { "type": "SUBORDINATE" } },
  unknown: { "enabled unknown": { "type": "ROOT", "enabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "disabled root": "COMPLIANT",
  "enabled root": "NON_COMPLIANT",
  "subordinate": "NOT_APPLICABLE",
});
