import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:codebuild/reportGroup:ReportGroup", {
  compliant: { "exportConfig.s3Destination.encryptionDisabled false": { "exportConfig": { "type": "S3", "s3Destination": { "encryptionDisabled": false } } }, "exportConfig.s3Destination.encryptionDisabled unset (AWS default false)": { "exportConfig": { "type": "S3" } } },
  violating: { "exportConfig.s3Destination.encryptionDisabled true": { "exportConfig": { "type": "S3", "s3Destination": { "encryptionDisabled": true } } } },
  unknown: { "exportConfig.s3Destination.encryptionDisabled unknown": { "exportConfig": { "type": "S3", "s3Destination": { "encryptionDisabled": UNKNOWN } } } },
});
