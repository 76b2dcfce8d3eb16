// autoscaling-multiple-az: Auto Scaling groups span at least two Availability Zones. (FSBP AutoScaling.2)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("autoscaling-multiple-az", (p) => {
  if (isUnknown(p.vpcZoneIdentifiers) || isUnknown(p.availabilityZones)) return UNKNOWN;
  return Math.max(asArray(p.vpcZoneIdentifiers).length, asArray(p.availabilityZones).length) >= 2 ? undefined : "runs in one Availability Zone: list subnets in two or more zones";
});
