import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:efs/accessPoint:AccessPoint", {
  compliant: { "app directory": { "fileSystemId": "fs-1", "rootDirectory": { "path": "/app" } } },
  violating: { "no root directory": { "fileSystemId": "fs-1" }, "slash": { "fileSystemId": "fs-1", "rootDirectory": { "path": "/" } } },
  unknown: { "path unknown": { "fileSystemId": "fs-1", "rootDirectory": { "path": UNKNOWN } } },
});
