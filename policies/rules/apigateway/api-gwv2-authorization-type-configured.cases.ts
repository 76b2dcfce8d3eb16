import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:apigatewayv2/route:Route", {
  compliant: { "authorizationType JWT": { "apiId": "api", "routeKey": "GET /items", "authorizationType": "JWT" } },
  violating: { "authorizationType NONE": { "apiId": "api", "routeKey": "GET /items", "authorizationType": "NONE" }, "authorizationType unset (AWS default NONE)": { "apiId": "api", "routeKey": "GET /items" } },
  unknown: { "authorizationType unknown": { "apiId": "api", "routeKey": "GET /items", "authorizationType": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "authorizationType JWT": "COMPLIANT",
  "authorizationType NONE": "NON_COMPLIANT",
  "authorizationType unset (AWS default NONE)": "NON_COMPLIANT",
});
