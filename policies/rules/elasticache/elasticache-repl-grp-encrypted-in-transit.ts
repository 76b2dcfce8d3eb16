// elasticache-repl-grp-encrypted-in-transit: ElastiCache replication groups encrypt data in transit. (FSBP ElastiCache.5)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elasticache-repl-grp-encrypted-in-transit", (p) => requireTrue(p.transitEncryptionEnabled, "accepts unencrypted connections: set transitEncryptionEnabled true"));
