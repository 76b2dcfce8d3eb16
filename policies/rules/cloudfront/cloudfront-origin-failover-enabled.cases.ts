import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "originGroups set": { "originGroups": [{ "originId": "g", "failoverCriteria": { "statusCodes": [500, 502, 503, 504] }, "members": [{ "originId": "a" }, { "originId": "b" }] }] } },
  violating: { "originGroups unset": {  } },
  unknown: { "originGroups unknown": { "originGroups": UNKNOWN } },
});
