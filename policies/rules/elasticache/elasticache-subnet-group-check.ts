// elasticache-subnet-group-check: ElastiCache clusters use a subnet group of their own, not the default one. (FSBP ElastiCache.7)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("elasticache-subnet-group-check", (p) => p.replicationGroupId !== undefined ? undefined : requireNotIn(p.subnetGroupName, ["default"], "uses the default subnet group: set subnetGroupName to a subnet group of your own", "default"));
