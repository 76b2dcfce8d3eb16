import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:efs/accessPoint:AccessPoint", {
  compliant: { "app directory": { "fileSystemId": "fs-1", "rootDirectory": { "path": "/app" } } },
  violating: { "no root directory": { "fileSystemId": "fs-1" }, "slash": { "fileSystemId": "fs-1", "rootDirectory": { "path": "/" } } },
  unknown: { "path unknown": { "fileSystemId": "fs-1", "rootDirectory": { "path": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "app directory": "COMPLIANT",
  "no root directory": "NON_COMPLIANT",
  "slash": "NON_COMPLIANT",
});
