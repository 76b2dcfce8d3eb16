import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "atRestEncryptionEnabled true": { "atRestEncryptionEnabled": true }, "valkey (encrypted by default)": { "engine": "valkey" } },
  violating: { "atRestEncryptionEnabled false": { "atRestEncryptionEnabled": false }, "atRestEncryptionEnabled unset (AWS default false)": {  } },
  unknown: { "atRestEncryptionEnabled unknown": { "atRestEncryptionEnabled": UNKNOWN } },
});
