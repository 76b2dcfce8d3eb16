import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dms/replicationInstance:ReplicationInstance", {
  compliant: { "publiclyAccessible false": { "publiclyAccessible": false }, "publiclyAccessible unset (the provider sends PubliclyAccessible false; the DMS API's own default, true, never applies)": {  } },
  violating: { "publiclyAccessible true": { "publiclyAccessible": true } },
  unknown: { "publiclyAccessible unknown": { "publiclyAccessible": UNKNOWN } },
});
