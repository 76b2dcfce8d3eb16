import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:secretsmanager/secretRotation:SecretRotation", {
  compliant: { "30 days": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": 30 } }, "90 days": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": 90 } }, "schedule": { "secretId": "s", "rotationRules": { "scheduleExpression": "rate(10 days)" } } },
  violating: { "91 days": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": 91 } } },
  unknown: { "days unknown": { "secretId": "s", "rotationRules": { "automaticallyAfterDays": UNKNOWN } } },
});
