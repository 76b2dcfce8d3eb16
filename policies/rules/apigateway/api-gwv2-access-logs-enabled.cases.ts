import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:apigatewayv2/stage:Stage", {
  compliant: { "accessLogSettings.destinationArn set": { "apiId": "api", "name": "$default", "accessLogSettings": { "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:api" } } },
  violating: { "accessLogSettings.destinationArn unset": { "apiId": "api", "name": "$default" } },
  unknown: { "accessLogSettings.destinationArn unknown": { "apiId": "api", "name": "$default", "accessLogSettings": { "destinationArn": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "accessLogSettings.destinationArn set": "COMPLIANT",
  "accessLogSettings.destinationArn unset": "NON_COMPLIANT",
});
