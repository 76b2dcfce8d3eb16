import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/cluster:Cluster", {
  compliant: { "backtrackWindow 1": { "engine": "aurora-mysql", "backtrackWindow": 1 }, "engine unknown at preview, backtrackWindow 1": { "engine": UNKNOWN, "backtrackWindow": 1 } },
  violating: { "backtrackWindow 0": { "engine": "aurora-mysql", "backtrackWindow": 0 }, "backtrackWindow unset (AWS default 0)": { "engine": "aurora-mysql" } },
  notApplicable: { "Aurora PostgreSQL": { "engine": "aurora-postgresql" } },
  unknown: { "backtrackWindow unknown": { "engine": "aurora-mysql", "backtrackWindow": UNKNOWN }, "engine unknown at preview (it may be Aurora MySQL), backtrackWindow 0": { "engine": UNKNOWN, "backtrackWindow": 0 } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "backtrackWindow 1": "COMPLIANT",
  "backtrackWindow 0": "NON_COMPLIANT",
  "backtrackWindow unset (AWS default 0)": "NON_COMPLIANT",
  "Aurora PostgreSQL": "NOT_APPLICABLE",
});
