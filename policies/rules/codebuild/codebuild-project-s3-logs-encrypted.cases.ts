import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:codebuild/project:Project", {
  compliant: { "logsConfig.s3Logs.encryptionDisabled false": { "logsConfig": { "s3Logs": { "encryptionDisabled": false } } }, "logsConfig.s3Logs.encryptionDisabled unset (AWS default false)": {  } },
  violating: { "logsConfig.s3Logs.encryptionDisabled true": { "logsConfig": { "s3Logs": { "encryptionDisabled": true } } } },
  unknown: { "logsConfig.s3Logs.encryptionDisabled unknown": { "logsConfig": { "s3Logs": { "encryptionDisabled": UNKNOWN } } } },
});
