import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:sagemaker/notebookInstance:NotebookInstance", {
  compliant: { "directInternetAccess Disabled": { "directInternetAccess": "Disabled" } },
  violating: { "directInternetAccess Enabled": { "directInternetAccess": "Enabled" }, "directInternetAccess unset (AWS default Enabled)": {  } },
  unknown: { "directInternetAccess unknown": { "directInternetAccess": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "directInternetAccess Disabled": "COMPLIANT",
  "directInternetAccess Enabled": "NON_COMPLIANT",
  "directInternetAccess unset (AWS default Enabled)": "NON_COMPLIANT",
});
