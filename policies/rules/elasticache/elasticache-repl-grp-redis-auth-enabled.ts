// elasticache-repl-grp-redis-auth-enabled: ElastiCache replication groups on Redis OSS before 6.0 require Redis AUTH. (FSBP ElastiCache.6)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elasticache-repl-grp-redis-auth-enabled", (p) => {
  if (isUnknown(p.engineVersion)) return UNKNOWN;
  const major = typeof p.engineVersion === "string" ? Number(p.engineVersion.split(".")[0]) : NaN;
  if (!(major < 6) || p.engine === "valkey") return undefined;
  if (isUnknown(p.authToken)) return UNKNOWN;
  return p.authToken ? undefined : `runs Redis ${p.engineVersion} without AUTH: set authToken`;
});
