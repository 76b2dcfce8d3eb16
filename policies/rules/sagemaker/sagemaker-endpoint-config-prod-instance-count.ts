// sagemaker-endpoint-config-prod-instance-count: SageMaker endpoint production variants start with more than one instance. (FSBP SageMaker.4)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("sagemaker-endpoint-config-prod-instance-count", (p) => {
  const variants = asArray(p.productionVariants);
  // A serverlessConfig unknown at preview may be absent: then a single-instance variant is one.
  const maybeSingle = variants.some((v) => isUnknown(v?.serverlessConfig) && (v?.initialInstanceCount ?? 1) <= 1);
  if (isUnknown(p.productionVariants) || variants.some((v) => isUnknown(v?.initialInstanceCount)) || maybeSingle) return UNKNOWN;
  // Serverless variants have no instance count.
  const single = variants.filter((v) => !v?.serverlessConfig && (v?.initialInstanceCount ?? 1) <= 1).map((v) => shown(v?.variantName ?? "(unnamed)"));
  return single.length ? `production variant ${single.join(", ")} starts with one instance: set initialInstanceCount to 2 or more` : undefined;
});
