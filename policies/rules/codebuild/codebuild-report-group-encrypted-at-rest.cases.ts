import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:codebuild/reportGroup:ReportGroup", {
  compliant: { "exportConfig.s3Destination.encryptionDisabled false": { "exportConfig": { "type": "S3", "s3Destination": { "encryptionDisabled": false } } }, "exportConfig.s3Destination.encryptionDisabled unset (AWS default false)": { "exportConfig": { "type": "S3" } } },
  violating: { "exportConfig.s3Destination.encryptionDisabled true": { "exportConfig": { "type": "S3", "s3Destination": { "encryptionDisabled": true } } } },
  unknown: { "exportConfig.s3Destination.encryptionDisabled unknown": { "exportConfig": { "type": "S3", "s3Destination": { "encryptionDisabled": UNKNOWN } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "exportConfig.s3Destination.encryptionDisabled false": "COMPLIANT",
  "exportConfig.s3Destination.encryptionDisabled unset (AWS default false)": "COMPLIANT",
  "exportConfig.s3Destination.encryptionDisabled true": "NON_COMPLIANT",
});
