import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:wafv2/webAcl:WebAcl", {
  compliant: { "rules set": { "scope": "REGIONAL", "defaultAction": { "allow": {  } }, "rules": [{ "name": "common", "priority": 1 }] } },
  violating: { "rules unset": { "scope": "REGIONAL", "defaultAction": { "allow": {  } } } },
  unknown: { "rules unknown": { "scope": "REGIONAL", "defaultAction": { "allow": {  } }, "rules": UNKNOWN } },
});
