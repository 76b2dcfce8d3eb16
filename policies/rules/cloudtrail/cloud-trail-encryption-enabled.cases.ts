import { fromOutputs, judgedByAwsConfig, KMS_KEY, res, ruleCases, STACK_REF_URN, trail, UNKNOWN } from "../cases";

const key = res(KMS_KEY, "trail-key", { arn: UNKNOWN, keyId: UNKNOWN, enableKeyRotation: true });
const alias = res("aws:kms/alias:Alias", "trail-key-alias", { name: "alias/trail", targetKeyId: UNKNOWN, arn: UNKNOWN });
const param = res("aws:ssm/parameter:Parameter", "key-name", { name: "/trail/key", type: "String", value: UNKNOWN });
const pending = trail("t", { kmsKeyId: UNKNOWN });

const cases = ruleCases({
  compliant: [
    { title: "KMS", input: [trail("t")] },
    { title: "a key of this stack, its ARN unknown at preview", input: [key, fromOutputs(pending, "kmsKeyId", key)] },
    { title: "an alias of this stack, unknown at preview", input: [key, alias, fromOutputs(pending, "kmsKeyId", alias)] },
  ],
  violating: [
    { title: "no key", input: [trail("t", { kmsKeyId: undefined })], about: "t" },
    { title: "empty kmsKeyId", input: [trail("t", { kmsKeyId: "" })], about: "t" },
    { title: "no key, beside a key of this stack the trail does not use", input: [key, trail("t", { kmsKeyId: undefined })], about: "t" },
    // The engine reports a computed property the program left unset as unknown with no dependency: the AWS default.
    { title: "kmsKeyId unknown with no dependency: unset", input: [{ ...pending, propertyDependencies: { kmsKeyId: [] } }], about: "t" },
  ],
  unknown: [
    { title: "key id unknown, no dependency information", input: [key, pending], about: "t", says: "kmsKeyId" },
    { title: "key id from another stack", input: [key, fromOutputs(pending, "kmsKeyId", STACK_REF_URN)], about: "t" },
    { title: "key id from a resource of this stack that is no key", input: [key, param, fromOutputs(pending, "kmsKeyId", param)], about: "t", says: "KMS key" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "a key of this stack, its ARN unknown at preview": "COMPLIANT",
  "an alias of this stack, unknown at preview": "COMPLIANT",
  "no key": "NON_COMPLIANT",
  "empty kmsKeyId": "NON_COMPLIANT",
  "no key, beside a key of this stack the trail does not use": "NON_COMPLIANT",
  "kmsKeyId unknown with no dependency: unset": "NON_COMPLIANT",
});
