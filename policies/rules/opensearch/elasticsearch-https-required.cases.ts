import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "HTTPS and TLS 1.2": { "domainEndpointOptions": { "enforceHttps": true, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-2019-07" } }, "defaults": {  } },
  violating: { "HTTP allowed": { "domainEndpointOptions": { "enforceHttps": false } }, "TLS 1.0": { "domainEndpointOptions": { "enforceHttps": true, "tlsSecurityPolicy": "Policy-Min-TLS-1-0-2019-07" } } },
  unknown: { "policy unknown": { "domainEndpointOptions": { "enforceHttps": true, "tlsSecurityPolicy": UNKNOWN } } },
});
