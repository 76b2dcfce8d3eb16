// sagemaker-notebook-instance-inside-vpc: SageMaker notebook instances run in a custom VPC. (FSBP SageMaker.2)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("sagemaker-notebook-instance-inside-vpc", (p) => requirePresent(p.subnetId, "runs outside your VPC: set subnetId"));
