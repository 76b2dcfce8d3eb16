import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:codebuild/project:Project", {
  compliant: { "default CloudWatch logs": {  }, "S3 only": { "logsConfig": { "cloudwatchLogs": { "status": "DISABLED" }, "s3Logs": { "status": "ENABLED", "location": "b/logs" } } } },
  violating: { "both disabled": { "logsConfig": { "cloudwatchLogs": { "status": "DISABLED" } } } },
  unknown: { "status unknown": { "logsConfig": { "cloudwatchLogs": { "status": UNKNOWN } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "default CloudWatch logs": "COMPLIANT",
  "S3 only": "COMPLIANT",
  "both disabled": "NON_COMPLIANT",
});
