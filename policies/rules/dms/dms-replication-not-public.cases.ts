import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dms/replicationInstance:ReplicationInstance", {
  compliant: { "publiclyAccessible false": { "publiclyAccessible": false }, "publiclyAccessible unset (AWS default false)": {  } },
  violating: { "publiclyAccessible true": { "publiclyAccessible": true } },
  unknown: { "publiclyAccessible unknown": { "publiclyAccessible": UNKNOWN } },
});
