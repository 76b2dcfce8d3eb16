// api-gwv2-access-logs-enabled: API Gateway V2 stages have access logging. (FSBP APIGateway.9)
import { at, requirePresent, settingRule } from "../../judge";

export default settingRule("api-gwv2-access-logs-enabled", (p) => requirePresent(at(p, "accessLogSettings.destinationArn"), "has no access logs: set accessLogSettings (destinationArn and format)"));
