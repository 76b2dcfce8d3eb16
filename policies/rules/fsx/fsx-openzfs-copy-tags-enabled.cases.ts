import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:fsx/openZfsFileSystem:OpenZfsFileSystem", {
  compliant: { "both": { "copyTagsToBackups": true, "copyTagsToVolumes": true } },
  violating: { "neither": {  }, "volumes only": { "copyTagsToVolumes": true } },
  unknown: { "unknown": { "copyTagsToBackups": UNKNOWN, "copyTagsToVolumes": true } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "both": "COMPLIANT",
  "neither": "NON_COMPLIANT",
  "volumes only": "NON_COMPLIANT",
});
