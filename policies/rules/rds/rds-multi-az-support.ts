// rds-multi-az-support: RDS DB instances are deployed in multiple Availability Zones. (FSBP RDS.5)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-multi-az-support", (p) => requireTrue(p.multiAz, "runs in one Availability Zone: set multiAz true"));
