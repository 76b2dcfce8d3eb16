import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "transitEncryptionEnabled true": { "transitEncryptionEnabled": true } },
  violating: { "transitEncryptionEnabled false": { "transitEncryptionEnabled": false }, "transitEncryptionEnabled unset (AWS default false)": {  } },
  unknown: { "transitEncryptionEnabled unknown": { "transitEncryptionEnabled": UNKNOWN } },
});
