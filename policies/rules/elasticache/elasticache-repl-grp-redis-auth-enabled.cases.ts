import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "Redis 5 with AUTH": { "engineVersion": "5.0.6", "authToken": "s3cret-token-0123456789" } },
  violating: { "Redis 5 without AUTH": { "engineVersion": "5.0.6" } },
  notApplicable: { "Redis 7": { "engineVersion": "7.1" }, "version unset (latest)": {  } },
  unknown: { "token unknown": { "engineVersion": "5.0.6", "authToken": UNKNOWN } },
});
