// elasticache rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import elasticacheAutoMinorVersionUpgradeCheck from "./elasticache-auto-minor-version-upgrade-check";
import elasticacheRedisClusterAutomaticBackupCheck from "./elasticache-redis-cluster-automatic-backup-check";
import elasticacheReplGrpAutoFailoverEnabled from "./elasticache-repl-grp-auto-failover-enabled";
import elasticacheReplGrpEncryptedAtRest from "./elasticache-repl-grp-encrypted-at-rest";
import elasticacheReplGrpEncryptedInTransit from "./elasticache-repl-grp-encrypted-in-transit";
import elasticacheReplGrpRedisAuthEnabled from "./elasticache-repl-grp-redis-auth-enabled";
import elasticacheSubnetGroupCheck from "./elasticache-subnet-group-check";

export const rules: readonly Rule[] = [elasticacheAutoMinorVersionUpgradeCheck, elasticacheRedisClusterAutomaticBackupCheck, elasticacheReplGrpAutoFailoverEnabled, elasticacheReplGrpEncryptedAtRest, elasticacheReplGrpEncryptedInTransit, elasticacheReplGrpRedisAuthEnabled, elasticacheSubnetGroupCheck];
