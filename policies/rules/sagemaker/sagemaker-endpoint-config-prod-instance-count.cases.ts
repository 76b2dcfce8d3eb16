import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:sagemaker/endpointConfiguration:EndpointConfiguration", {
  compliant: { "two instances": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": 2, "instanceType": "ml.m5.large" }] } },
  violating: { "one instance": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": 1, "instanceType": "ml.m5.large" }] } },
  notApplicable: { "serverless": { "productionVariants": [{ "variantName": "a", "modelName": "m", "serverlessConfig": { "maxConcurrency": 5, "memorySizeInMb": 2048 } }] } },
  unknown: { "count unknown": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": UNKNOWN }] }, "one instance, serverlessConfig unknown at preview (it may be absent)": { "productionVariants": [{ "variantName": "a", "modelName": "m", "initialInstanceCount": 1, "serverlessConfig": UNKNOWN }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "two instances": "COMPLIANT",
  "one instance": "NON_COMPLIANT",
  "serverless": "NOT_APPLICABLE",
});
