import { KEY_ARN, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "KMS", input: res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: KEY_ARN }) },
      { title: "SSE-SQS", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true }) },
      { title: "nothing set: new queues get SSE-SQS", input: res("aws:sqs/queue:Queue", "q", {}) },
      { title: "KMS when KMS is required", input: res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: KEY_ARN }), config: { allowSqsManagedSse: false } },
    ],
    violating: [
      { title: "SSE-SQS turned off", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: false }), about: "q" },
      { title: "SSE-SQS when KMS is required", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true }), config: { allowSqsManagedSse: false }, about: "q" },
    ],
  });
