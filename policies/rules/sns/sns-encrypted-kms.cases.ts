import { fromOutputs, judgedByAwsConfig, KEY_ARN, KMS_KEY, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const TOPIC = "aws:sns/topic:Topic";
const key = res(KMS_KEY, "topic-key", { arn: UNKNOWN, keyId: UNKNOWN, enableKeyRotation: true });
const queue = res("aws:sqs/queue:Queue", "other", { arn: UNKNOWN });
const pending = res(TOPIC, "t", { kmsMasterKeyId: UNKNOWN });

const cases = ruleCases({
  compliant: [
    { title: "KMS", input: [res(TOPIC, "t", { kmsMasterKeyId: KEY_ARN })] },
    { title: "the AWS managed key", input: [res(TOPIC, "t", { kmsMasterKeyId: "alias/aws/sns" })] },
    { title: "a key of this stack, its id unknown at preview", input: [key, fromOutputs(pending, "kmsMasterKeyId", key)] },
  ],
  violating: [
    { title: "none", input: [res(TOPIC, "t", {})], about: "t", says: "kmsMasterKeyId" },
    { title: "empty kmsMasterKeyId", input: [res(TOPIC, "t", { kmsMasterKeyId: "" })], about: "t" },
    { title: "none, beside a key of this stack the topic does not use", input: [key, res(TOPIC, "t", {})], about: "t" },
  ],
  unknown: [
    { title: "key unknown, no dependency information", input: [key, pending], about: "t", says: "kmsMasterKeyId" },
    { title: "key from another stack", input: [fromOutputs(pending, "kmsMasterKeyId", STACK_REF_URN)], about: "t" },
    { title: "key from a resource of this stack that is no key", input: [key, queue, fromOutputs(pending, "kmsMasterKeyId", queue)], about: "t", says: "KMS key" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "the AWS managed key": "COMPLIANT",
  "a key of this stack, its id unknown at preview": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "empty kmsMasterKeyId": "NON_COMPLIANT",
  "none, beside a key of this stack the topic does not use": "NON_COMPLIANT",
});
