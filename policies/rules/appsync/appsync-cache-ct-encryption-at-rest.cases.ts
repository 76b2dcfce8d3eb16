import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:appsync/apiCache:ApiCache", {
  compliant: { "atRestEncryptionEnabled true": { "atRestEncryptionEnabled": true } },
  violating: { "atRestEncryptionEnabled false": { "atRestEncryptionEnabled": false }, "atRestEncryptionEnabled unset (AWS default false)": {  } },
  unknown: { "atRestEncryptionEnabled unknown": { "atRestEncryptionEnabled": UNKNOWN } },
});
