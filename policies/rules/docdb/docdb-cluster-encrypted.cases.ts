import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:docdb/cluster:Cluster", {
  compliant: { "storageEncrypted true": { "storageEncrypted": true } },
  violating: { "storageEncrypted false": { "storageEncrypted": false }, "storageEncrypted unset (AWS default false)": {  } },
  unknown: { "storageEncrypted unknown": { "storageEncrypted": UNKNOWN } },
});
