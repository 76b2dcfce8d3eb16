import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "Redis 5 with AUTH": { "engineVersion": "5.0.6", "authToken": "s3cret-token-0123456789" } },
  violating: { "Redis 5 without AUTH": { "engineVersion": "5.0.6" } },
  notApplicable: { "Redis 7": { "engineVersion": "7.1" }, "version unset (latest)": {  } },
  unknown: { "token unknown": { "engineVersion": "5.0.6", "authToken": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "Redis 5 with AUTH": "COMPLIANT",
  "Redis 5 without AUTH": "NON_COMPLIANT",
  "Redis 7": "NOT_APPLICABLE",
  "version unset (latest)": "NOT_APPLICABLE",
});
