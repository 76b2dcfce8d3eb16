import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:autoscaling/group:Group", {
  compliant: { "two subnets": { "maxSize": 2, "minSize": 1, "vpcZoneIdentifiers": ["subnet-a", "subnet-b"] } },
  violating: { "one subnet": { "maxSize": 2, "minSize": 1, "vpcZoneIdentifiers": ["subnet-a"] } },
  unknown: { "subnets unknown": { "maxSize": 2, "minSize": 1, "vpcZoneIdentifiers": UNKNOWN } },
});
