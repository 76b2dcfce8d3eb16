import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:sagemaker/model:Model", {
  compliant: { "enableNetworkIsolation true": { "enableNetworkIsolation": true } },
  violating: { "enableNetworkIsolation false": { "enableNetworkIsolation": false }, "enableNetworkIsolation unset (AWS default false)": {  } },
  unknown: { "enableNetworkIsolation unknown": { "enableNetworkIsolation": UNKNOWN } },
});
