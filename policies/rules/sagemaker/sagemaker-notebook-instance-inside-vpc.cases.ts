import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:sagemaker/notebookInstance:NotebookInstance", {
  compliant: { "subnetId set": { "subnetId": "subnet-0abc" } },
  violating: { "subnetId unset": {  } },
  unknown: { "subnetId unknown": { "subnetId": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "subnetId set": "COMPLIANT",
  "subnetId unset": "NON_COMPLIANT",
});
