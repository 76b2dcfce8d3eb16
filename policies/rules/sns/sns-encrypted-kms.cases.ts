import { judgedByAwsConfig, KEY_ARN, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
    { title: "key from an unknown output (the presence is what counts)", input: res("aws:sns/topic:Topic", "t", { kmsMasterKeyId: UNKNOWN }) },{ title: "KMS", input: res("aws:sns/topic:Topic", "t", { kmsMasterKeyId: KEY_ARN }) }],
    violating: [{ title: "none", input: res("aws:sns/topic:Topic", "t", {}), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
