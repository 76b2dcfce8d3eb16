import { KEY_ARN, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "KMS", input: res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: KEY_ARN }) },
      { title: "SSE-SQS when allowed", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true }), config: { allowSqsManagedSse: true } },
    ],
    violating: [{ title: "SSE-SQS by default", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true }), about: "q" }],
  });
