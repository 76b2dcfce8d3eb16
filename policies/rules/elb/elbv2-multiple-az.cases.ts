import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "two subnets": { "subnets": ["subnet-a", "subnet-b"] } },
  violating: { "one subnet": { "subnets": ["subnet-a"] } },
  unknown: { "subnets unknown": { "subnets": UNKNOWN } },
});
