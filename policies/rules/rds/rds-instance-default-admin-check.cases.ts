import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "username dbowner": { "username": "dbowner" }, "username unset": {  } },
  violating: { "username admin": { "username": "admin" } },
  unknown: { "username unknown": { "username": UNKNOWN } },
});
