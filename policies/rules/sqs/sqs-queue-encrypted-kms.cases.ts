import { KEY_ARN, res, ruleCases, UNKNOWN } from "../cases";

export default ruleCases({
  unknown: [{ title: "SSE-SQS switch from an unknown output, no key", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: UNKNOWN }), about: "q" },],
    compliant: [
    { title: "key from an unknown output (the presence is what counts)", input: res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: UNKNOWN }) },
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
