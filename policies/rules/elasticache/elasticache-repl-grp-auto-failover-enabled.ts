// elasticache-repl-grp-auto-failover-enabled: ElastiCache replication groups fail over automatically. (FSBP ElastiCache.3)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elasticache-repl-grp-auto-failover-enabled", (p) => requireTrue(p.automaticFailoverEnabled, "has no automatic failover: set automaticFailoverEnabled true (with at least one replica)"));
