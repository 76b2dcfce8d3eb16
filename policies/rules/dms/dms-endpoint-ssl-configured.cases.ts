import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dms/endpoint:Endpoint", {
  compliant: { "sslMode verify-full": { "endpointId": "src", "endpointType": "source", "engineName": "postgres", "sslMode": "verify-full" } },
  violating: { "sslMode none": { "endpointId": "src", "endpointType": "source", "engineName": "postgres", "sslMode": "none" }, "sslMode unset (AWS default none)": { "endpointId": "src", "endpointType": "source", "engineName": "postgres" } },
  unknown: { "sslMode unknown": { "endpointId": "src", "endpointType": "source", "engineName": "postgres", "sslMode": UNKNOWN } },
});
