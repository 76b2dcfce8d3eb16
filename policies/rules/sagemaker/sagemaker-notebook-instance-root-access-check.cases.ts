import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:sagemaker/notebookInstance:NotebookInstance", {
  compliant: { "rootAccess Disabled": { "rootAccess": "Disabled" } },
  violating: { "rootAccess Enabled": { "rootAccess": "Enabled" }, "rootAccess unset (AWS default Enabled)": {  } },
  unknown: { "rootAccess unknown": { "rootAccess": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "rootAccess Disabled": "COMPLIANT",
  "rootAccess Enabled": "NON_COMPLIANT",
  "rootAccess unset (AWS default Enabled)": "NON_COMPLIANT",
});
