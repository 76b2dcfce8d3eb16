import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:waf/rule:Rule", {
  compliant: { "predicates set": { "name": "n", "metricName": "m", "predicates": [{ "dataId": "ipset", "negated": false, "type": "IPMatch" }] } },
  violating: { "predicates unset": { "name": "n", "metricName": "m" } },
  unknown: { "predicates unknown": { "name": "n", "metricName": "m", "predicates": UNKNOWN } },
});
