import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:efs/accessPoint:AccessPoint", {
  compliant: { "posixUser set": { "fileSystemId": "fs-1", "posixUser": { "uid": 1000, "gid": 1000 } } },
  violating: { "posixUser unset": { "fileSystemId": "fs-1" } },
  unknown: { "posixUser unknown": { "fileSystemId": "fs-1", "posixUser": UNKNOWN } },
});
