import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ssm/document:Document", {
  compliant: { "shared with one account": { "permissions": { "type": "Share", "accountIds": "123456789012" } } },
  violating: { "shared with All": { "permissions": { "type": "Share", "accountIds": "All" } } },
  notApplicable: { "not shared": {  } },
  unknown: { "accounts unknown": { "permissions": { "type": "Share", "accountIds": UNKNOWN } } },
});
