import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:sagemaker/notebookInstance:NotebookInstance", {
  compliant: { "rootAccess Disabled": { "rootAccess": "Disabled" } },
  violating: { "rootAccess Enabled": { "rootAccess": "Enabled" }, "rootAccess unset (AWS default Enabled)": {  } },
  unknown: { "rootAccess unknown": { "rootAccess": UNKNOWN } },
});
