import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:apigateway/stage:Stage", {
  compliant: { "xrayTracingEnabled true": { "restApi": "api", "deployment": "d", "stageName": "prod", "xrayTracingEnabled": true } },
  violating: { "xrayTracingEnabled false": { "restApi": "api", "deployment": "d", "stageName": "prod", "xrayTracingEnabled": false }, "xrayTracingEnabled unset (AWS default false)": { "restApi": "api", "deployment": "d", "stageName": "prod" } },
  unknown: { "xrayTracingEnabled unknown": { "restApi": "api", "deployment": "d", "stageName": "prod", "xrayTracingEnabled": UNKNOWN } },
});
