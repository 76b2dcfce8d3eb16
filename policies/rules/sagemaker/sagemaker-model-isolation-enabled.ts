// sagemaker-model-isolation-enabled: SageMaker models block inbound and outbound network traffic of their containers. (FSBP SageMaker.5)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("sagemaker-model-isolation-enabled", (p) => requireTrue(p.enableNetworkIsolation, "lets its containers make network calls: set enableNetworkIsolation true"));
