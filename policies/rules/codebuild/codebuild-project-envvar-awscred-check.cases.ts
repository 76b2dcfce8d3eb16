import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:codebuild/project:Project", {
  compliant: { "from Secrets Manager": { "environment": { "environmentVariables": [{ "name": "AWS_SECRET_ACCESS_KEY", "value": "ci/key", "type": "SECRETS_MANAGER" }] } } },
  violating: { "plain text": { "environment": { "environmentVariables": [{ "name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE" }] } } },
  notApplicable: { "other variables": { "environment": { "environmentVariables": [{ "name": "STAGE", "value": "prod" }] } } },
  unknown: { "type unknown": { "environment": { "environmentVariables": [{ "name": "AWS_ACCESS_KEY_ID", "value": "x", "type": UNKNOWN }] } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "from Secrets Manager": "COMPLIANT",
  "plain text": "NON_COMPLIANT",
  "other variables": "COMPLIANT",
});
