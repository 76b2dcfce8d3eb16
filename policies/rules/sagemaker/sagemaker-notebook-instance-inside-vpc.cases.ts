import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:sagemaker/notebookInstance:NotebookInstance", {
  compliant: { "subnetId set": { "subnetId": "subnet-0abc" } },
  violating: { "subnetId unset": {  } },
  unknown: { "subnetId unknown": { "subnetId": UNKNOWN } },
});
