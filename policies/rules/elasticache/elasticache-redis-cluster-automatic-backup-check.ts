// elasticache-redis-cluster-automatic-backup-check: ElastiCache (Redis OSS, Valkey) clusters and replication groups have automatic backups. (FSBP ElastiCache.1)
import { requireAtLeast, settingRule } from "../../judge";

export default settingRule("elasticache-redis-cluster-automatic-backup-check", (p) => p.engine === "memcached" ? undefined : requireAtLeast(p.snapshotRetentionLimit, 1, "has no automatic backups: set snapshotRetentionLimit to at least 1 day"));
