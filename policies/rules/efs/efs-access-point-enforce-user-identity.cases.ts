import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:efs/accessPoint:AccessPoint", {
  compliant: { "posixUser set": { "fileSystemId": "fs-1", "posixUser": { "uid": 1000, "gid": 1000 } } },
  violating: { "posixUser unset": { "fileSystemId": "fs-1" } },
  unknown: { "posixUser unknown": { "fileSystemId": "fs-1", "posixUser": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "posixUser set": "COMPLIANT",
  "posixUser unset": "NON_COMPLIANT",
});
