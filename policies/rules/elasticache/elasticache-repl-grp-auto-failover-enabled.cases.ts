import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "automaticFailoverEnabled true": { "automaticFailoverEnabled": true } },
  violating: { "automaticFailoverEnabled false": { "automaticFailoverEnabled": false }, "automaticFailoverEnabled unset (AWS default false)": {  } },
  unknown: { "automaticFailoverEnabled unknown": { "automaticFailoverEnabled": UNKNOWN } },
});
