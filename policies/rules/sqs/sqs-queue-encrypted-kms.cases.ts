import { fromOutputs, KEY_ARN, KMS_KEY, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const QUEUE = "aws:sqs/queue:Queue";
const q = (props: Record<string, unknown>) => res(QUEUE, "q", props);
const key = res(KMS_KEY, "queue-key", { arn: UNKNOWN, keyId: UNKNOWN, enableKeyRotation: true });
const kmsRequired = { allowSqsManagedSse: false };

export default ruleCases({
  compliant: [
    { title: "KMS", input: [q({ kmsMasterKeyId: KEY_ARN })] },
    { title: "SSE-SQS", input: [q({ sqsManagedSseEnabled: true })] },
    { title: "nothing set: new queues get SSE-SQS", input: [q({})] },
    // The provider computes sqsManagedSseEnabled: unset, the engine reports it unknown with no dependency.
    { title: "SSE-SQS switch computed (unset): the default", input: [{ ...q({ sqsManagedSseEnabled: UNKNOWN }), propertyDependencies: { sqsManagedSseEnabled: [] } }] },
    { title: "a key from another stack, SSE-SQS left on", input: [fromOutputs(q({ kmsMasterKeyId: UNKNOWN }), "kmsMasterKeyId", STACK_REF_URN)] },
    { title: "KMS when KMS is required", input: [q({ kmsMasterKeyId: KEY_ARN })], config: kmsRequired },
    { title: "a key of this stack when KMS is required, unknown at preview", input: [key, fromOutputs(q({ kmsMasterKeyId: UNKNOWN }), "kmsMasterKeyId", key)], config: kmsRequired },
  ],
  violating: [
    { title: "SSE-SQS turned off", input: [q({ sqsManagedSseEnabled: false })], about: "q", says: "sqsManagedSseEnabled false" },
    { title: "SSE-SQS when KMS is required", input: [q({ sqsManagedSseEnabled: true })], config: kmsRequired, about: "q", says: "allowSqsManagedSse is false" },
    // With KMS required, the SSE-SQS switch does not matter: no key is a violation even when the switch is unknown.
    { title: "no key when KMS is required, the SSE-SQS switch unknown", input: [q({ sqsManagedSseEnabled: UNKNOWN })], config: kmsRequired, about: "q", says: "allowSqsManagedSse is false" },
  ],
  unknown: [
    { title: "SSE-SQS switch from an unknown output, no key", input: [q({ sqsManagedSseEnabled: UNKNOWN })], about: "q" },
    { title: "SSE-SQS off, key from another stack", input: [fromOutputs(q({ sqsManagedSseEnabled: false, kmsMasterKeyId: UNKNOWN }), "kmsMasterKeyId", STACK_REF_URN)], about: "q" },
    { title: "key from another stack when KMS is required", input: [key, fromOutputs(q({ kmsMasterKeyId: UNKNOWN }), "kmsMasterKeyId", STACK_REF_URN)], config: kmsRequired, about: "q", says: "kmsMasterKeyId" },
  ],
});
