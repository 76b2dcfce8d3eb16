import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:secretsmanager/secretRotation:SecretRotation", {
  compliant: { "30 days": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": 30 } }, "90 days": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": 90 } }, "schedule": { "secretId": "s", "rotationRules": { "scheduleExpression": "rate(10 days)" } } },
  violating: { "91 days": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": 91 } } },
  unknown: { "days unknown": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "30 days": "COMPLIANT",
  "90 days": "COMPLIANT",
  "schedule": "COMPLIANT",
  "91 days": "NON_COMPLIANT",
});
