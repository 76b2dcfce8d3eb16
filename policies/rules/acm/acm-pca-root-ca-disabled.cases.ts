import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:acmpca/certificateAuthority:CertificateAuthority", {
  compliant: { "disabled root": { "type": "ROOT", "enabled": false } },
  violating: { "enabled root": { "type": "ROOT" } },
  notApplicable: { "subordinate": { "type": "SUBORDINATE" } },
  unknown: { "enabled unknown": { "type": "ROOT", "enabled": UNKNOWN } },
});
