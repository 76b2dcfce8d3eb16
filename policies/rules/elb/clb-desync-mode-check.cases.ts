import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "default (defensive)": {  }, "strictest": { "desyncMitigationMode": "strictest" } },
  violating: { "monitor": { "desyncMitigationMode": "monitor" } },
  unknown: { "mode unknown": { "desyncMitigationMode": UNKNOWN } },
});
