import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:wafv2/webAcl:WebAcl", {
  compliant: { "metrics on": { "scope": "REGIONAL", "rules": [{ "name": "common", "priority": 1, "visibilityConfig": { "cloudwatchMetricsEnabled": true, "metricName": "common", "sampledRequestsEnabled": true } }] } },
  violating: { "metrics off": { "scope": "REGIONAL", "rules": [{ "name": "common", "priority": 1, "visibilityConfig": { "cloudwatchMetricsEnabled": false, "metricName": "common", "sampledRequestsEnabled": true } }] } },
  notApplicable: { "no rules": { "scope": "REGIONAL" } },
  unknown: { "metrics unknown": { "scope": "REGIONAL", "rules": [{ "name": "common", "priority": 1, "visibilityConfig": { "cloudwatchMetricsEnabled": UNKNOWN, "metricName": "common", "sampledRequestsEnabled": true } }] } },
});
