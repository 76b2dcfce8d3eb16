import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:fsx/openZfsFileSystem:OpenZfsFileSystem", {
  compliant: { "both": { "copyTagsToBackups": true, "copyTagsToVolumes": true } },
  violating: { "neither": {  }, "volumes only": { "copyTagsToVolumes": true } },
  unknown: { "unknown": { "copyTagsToBackups": UNKNOWN, "copyTagsToVolumes": true } },
});
