import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "connectionDraining true": { "connectionDraining": true } },
  violating: { "connectionDraining false": { "connectionDraining": false }, "connectionDraining unset (AWS default false)": {  } },
  unknown: { "connectionDraining unknown": { "connectionDraining": UNKNOWN } },
});
