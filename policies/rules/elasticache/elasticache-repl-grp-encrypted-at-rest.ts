// elasticache-repl-grp-encrypted-at-rest: ElastiCache replication groups encrypt data at rest. (FSBP ElastiCache.4)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elasticache-repl-grp-encrypted-at-rest", (p) => requireTrue(p.atRestEncryptionEnabled, "does not encrypt data at rest: set atRestEncryptionEnabled true", p.engine === "valkey"));
