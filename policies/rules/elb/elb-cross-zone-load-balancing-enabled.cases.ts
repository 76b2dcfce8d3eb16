import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "crossZoneLoadBalancing true": { "crossZoneLoadBalancing": true }, "crossZoneLoadBalancing unset (AWS default true)": {  } },
  violating: { "crossZoneLoadBalancing false": { "crossZoneLoadBalancing": false } },
  unknown: { "crossZoneLoadBalancing unknown": { "crossZoneLoadBalancing": UNKNOWN } },
});
