import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/cluster:Cluster", {
  compliant: { "backtrackWindow 1": { "engine": "aurora-mysql", "backtrackWindow": 1 } },
  violating: { "backtrackWindow 0": { "engine": "aurora-mysql", "backtrackWindow": 0 }, "backtrackWindow unset (AWS default 0)": { "engine": "aurora-mysql" } },
  notApplicable: { "Aurora PostgreSQL": { "engine": "aurora-postgresql" } },
  unknown: { "backtrackWindow unknown": { "engine": "aurora-mysql", "backtrackWindow": UNKNOWN } },
});
