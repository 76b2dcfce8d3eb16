// elbv2-multiple-az: Application, Network and Gateway Load Balancers span at least two Availability Zones. (FSBP ELB.13)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elbv2-multiple-az", (p) => {
  if (isUnknown(p.subnets) || isUnknown(p.subnetMappings) || asArray(p.subnets).some(isUnknown)) return UNKNOWN;
  return Math.max(asArray(p.subnets).length, asArray(p.subnetMappings).length) >= 2 ? undefined : "spans fewer than two Availability Zones: list subnets in two or more zones";
});
