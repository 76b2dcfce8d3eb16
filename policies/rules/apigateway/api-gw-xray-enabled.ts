// api-gw-xray-enabled: API Gateway REST API stages have X-Ray tracing. (FSBP APIGateway.3)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("api-gw-xray-enabled", (p) => requireTrue(p.xrayTracingEnabled, "is not traced: set xrayTracingEnabled true"));
