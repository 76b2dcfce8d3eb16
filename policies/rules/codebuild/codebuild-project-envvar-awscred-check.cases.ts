import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:codebuild/project:Project", {
  compliant: { "from Secrets Manager": { "environment": { "environmentVariables": [{ "name": "AWS_SECRET_ACCESS_KEY", "value": "ci/key", "type": "SECRETS_MANAGER" }] } } },
  violating: { "plain text": { "environment": { "environmentVariables": [{ "name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE" }] } } },
  notApplicable: { "other variables": { "environment": { "environmentVariables": [{ "name": "STAGE", "value": "prod" }] } } },
  unknown: { "type unknown": { "environment": { "environmentVariables": [{ "name": "AWS_ACCESS_KEY_ID", "value": "x", "type": UNKNOWN }] } } },
});
