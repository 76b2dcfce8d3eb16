import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "dropInvalidHeaderFields true": { "dropInvalidHeaderFields": true } },
  violating: { "dropInvalidHeaderFields false": { "dropInvalidHeaderFields": false }, "dropInvalidHeaderFields unset (AWS default false)": {  } },
  notApplicable: { "network load balancer": { "loadBalancerType": "network" } },
  unknown: { "dropInvalidHeaderFields unknown": { "dropInvalidHeaderFields": UNKNOWN } },
});
