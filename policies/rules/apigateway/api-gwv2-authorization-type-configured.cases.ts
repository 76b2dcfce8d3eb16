import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:apigatewayv2/route:Route", {
  compliant: { "authorizationType JWT": { "apiId": "api", "routeKey": "GET /items", "authorizationType": "JWT" } },
  violating: { "authorizationType NONE": { "apiId": "api", "routeKey": "GET /items", "authorizationType": "NONE" }, "authorizationType unset (AWS default NONE)": { "apiId": "api", "routeKey": "GET /items" } },
  unknown: { "authorizationType unknown": { "apiId": "api", "routeKey": "GET /items", "authorizationType": UNKNOWN } },
});
