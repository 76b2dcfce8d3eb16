import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:kinesis/stream:Stream", {
  compliant: { "encryptionType KMS": { "encryptionType": "KMS" } },
  violating: { "encryptionType NONE": { "encryptionType": "NONE" }, "encryptionType unset (AWS default NONE)": {  } },
  unknown: { "encryptionType unknown": { "encryptionType": UNKNOWN } },
});
