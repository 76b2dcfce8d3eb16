// clb-multiple-az: Classic Load Balancers span at least two Availability Zones. (FSBP ELB.10)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("clb-multiple-az", (p) => {
  if (isUnknown(p.subnets) || isUnknown(p.availabilityZones)) return UNKNOWN;
  const zones = Math.max(asArray(p.subnets).length, asArray(p.availabilityZones).length);
  return zones >= 2 ? undefined : "spans fewer than two Availability Zones: list subnets in two or more zones";
});
