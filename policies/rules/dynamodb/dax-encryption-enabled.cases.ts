import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dax/cluster:Cluster", {
  compliant: { "serverSideEncryption.enabled true": { "serverSideEncryption": { "enabled": true } } },
  violating: { "serverSideEncryption.enabled false": { "serverSideEncryption": { "enabled": false } }, "serverSideEncryption.enabled unset (AWS default false)": {  } },
  unknown: { "serverSideEncryption.enabled unknown": { "serverSideEncryption": { "enabled": UNKNOWN } } },
});
