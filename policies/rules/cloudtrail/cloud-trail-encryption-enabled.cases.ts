import { UNKNOWN, judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "KMS", input: trail("t") }, { title: "a key created in the same program (unknown at preview): a key is set", input: trail("t", { kmsKeyId: UNKNOWN }) }],
    violating: [{ title: "no key", input: trail("t", { kmsKeyId: undefined }), about: "t" }, { title: "empty kmsKeyId", input: trail("t", { kmsKeyId: "" }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "no key": "NON_COMPLIANT",
  "empty kmsKeyId": "NON_COMPLIANT",
});
