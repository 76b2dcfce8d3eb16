import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:apigateway/stage:Stage", {
  compliant: { "clientCertificateId set": { "restApi": "api", "deployment": "d", "stageName": "prod", "clientCertificateId": "abc123" } },
  violating: { "clientCertificateId unset": { "restApi": "api", "deployment": "d", "stageName": "prod" } },
  unknown: { "clientCertificateId unknown": { "restApi": "api", "deployment": "d", "stageName": "prod", "clientCertificateId": UNKNOWN } },
});
