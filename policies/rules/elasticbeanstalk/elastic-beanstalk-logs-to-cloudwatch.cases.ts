import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticbeanstalk/environment:Environment", {
  compliant: { "set": { "application": "app", "settings": [{ "namespace": "aws:elasticbeanstalk:cloudwatch:logs", "name": "StreamLogs", "value": "true" }] } },
  violating: { "not set": { "application": "app" } },
  unknown: { "value unknown": { "application": "app", "settings": [{ "namespace": "aws:elasticbeanstalk:cloudwatch:logs", "name": "StreamLogs", "value": UNKNOWN }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "set": "COMPLIANT",
  "not set": "NON_COMPLIANT",
});
