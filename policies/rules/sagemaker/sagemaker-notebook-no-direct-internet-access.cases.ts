import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:sagemaker/notebookInstance:NotebookInstance", {
  compliant: { "directInternetAccess Disabled": { "directInternetAccess": "Disabled" } },
  violating: { "directInternetAccess Enabled": { "directInternetAccess": "Enabled" }, "directInternetAccess unset (AWS default Enabled)": {  } },
  unknown: { "directInternetAccess unknown": { "directInternetAccess": UNKNOWN } },
});
