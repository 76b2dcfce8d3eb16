import { DIST, judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "logging bucket", input: res(DIST, "cdn", { loggingConfig: { bucket: "logs.s3.amazonaws.com" } }) }],
    violating: [{ title: "no logging", input: res(DIST, "cdn", {}), about: "cdn" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logging bucket": "COMPLIANT",
  "no logging": "NON_COMPLIANT",
});
