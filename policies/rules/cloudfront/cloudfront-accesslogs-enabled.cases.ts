import { DIST, UNKNOWN, judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "logging bucket", input: res(DIST, "cdn", { loggingConfig: { bucket: "logs.s3.amazonaws.com" } }) }, { title: "a logging bucket created in the same program (unknown at preview): one is set", input: res(DIST, "cdn", { loggingConfig: { bucket: UNKNOWN } }) }, { title: "a whole logging block unknown at preview: it names a bucket", input: res(DIST, "cdn", { loggingConfig: UNKNOWN }) }],
    violating: [{ title: "no logging", input: res(DIST, "cdn", {}), about: "cdn" }, { title: "empty logging bucket", input: res(DIST, "cdn", { loggingConfig: { bucket: "" } }), about: "cdn" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logging bucket": "COMPLIANT",
  "no logging": "NON_COMPLIANT",
  "empty logging bucket": "NON_COMPLIANT",
});
