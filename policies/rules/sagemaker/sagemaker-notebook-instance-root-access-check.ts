// sagemaker-notebook-instance-root-access-check: SageMaker notebook instances give their users no root access. (FSBP SageMaker.3)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("sagemaker-notebook-instance-root-access-check", (p) => requireNotIn(p.rootAccess, ["Enabled"], "gives its users root access: set rootAccess Disabled", "Enabled"));
