import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "kmsKeyId set": { "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" } },
  violating: { "kmsKeyId unset": {  } },
  unknown: { "kmsKeyId unknown": { "kmsKeyId": UNKNOWN } },
});
