import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:sagemaker/endpointConfiguration:EndpointConfiguration", {
  compliant: { "two instances": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": 2, "instanceType": "ml.m5.large" }] } },
  violating: { "one instance": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": 1, "instanceType": "ml.m5.large" }] } },
  notApplicable: { "serverless": { "productionVariants": [{ "variantName": "a", "modelName": "m", "serverlessConfig": { "maxConcurrency": 5, "memorySizeInMb": 2048 } }] } },
  unknown: { "count unknown": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": UNKNOWN }] } },
});
