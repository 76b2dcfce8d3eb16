import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "enhancedVpcRouting true": { "enhancedVpcRouting": true } },
  violating: { "enhancedVpcRouting false": { "enhancedVpcRouting": false }, "enhancedVpcRouting unset (AWS default false)": {  } },
  unknown: { "enhancedVpcRouting unknown": { "enhancedVpcRouting": UNKNOWN } },
});
