// api-gwv2-authorization-type-configured: API Gateway V2 routes specify an authorization type. (FSBP APIGateway.8)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("api-gwv2-authorization-type-configured", (p) => requireNotIn(p.authorizationType, ["NONE"], "lets anyone call the route: set authorizationType (JWT, AWS_IAM or CUSTOM)", "NONE"));
