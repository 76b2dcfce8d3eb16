import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/snapshot:Snapshot", {
  compliant: { "shared with one account": { "sharedAccounts": ["123456789012"] }, "not shared": {  } },
  violating: { "shared with all": { "sharedAccounts": ["all"] } },
  unknown: { "accounts unknown": { "sharedAccounts": UNKNOWN } },
});
