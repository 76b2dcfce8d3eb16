import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:athena/workgroup:Workgroup", {
  compliant: { "configuration.resultConfiguration.encryptionConfiguration.encryptionOption set": { "configuration": { "resultConfiguration": { "encryptionConfiguration": { "encryptionOption": "SSE_KMS" } } } } },
  violating: { "configuration.resultConfiguration.encryptionConfiguration.encryptionOption unset": {  } },
  unknown: { "configuration.resultConfiguration.encryptionConfiguration.encryptionOption unknown": { "configuration": { "resultConfiguration": { "encryptionConfiguration": { "encryptionOption": UNKNOWN } } } } },
});
