// sagemaker-notebook-no-direct-internet-access: SageMaker notebook instances have no direct internet access. (FSBP SageMaker.1)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("sagemaker-notebook-no-direct-internet-access", (p) => requireNotIn(p.directInternetAccess, ["Enabled"], "has direct internet access: set directInternetAccess Disabled (and subnetId)", "Enabled"));
