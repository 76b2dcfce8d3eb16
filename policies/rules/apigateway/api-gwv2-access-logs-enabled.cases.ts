import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:apigatewayv2/stage:Stage", {
  compliant: { "accessLogSettings.destinationArn set": { "apiId": "api", "name": "$default", "accessLogSettings": { "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:api" } } },
  violating: { "accessLogSettings.destinationArn unset": { "apiId": "api", "name": "$default" } },
  unknown: { "accessLogSettings.destinationArn unknown": { "apiId": "api", "name": "$default", "accessLogSettings": { "destinationArn": UNKNOWN } } },
});
