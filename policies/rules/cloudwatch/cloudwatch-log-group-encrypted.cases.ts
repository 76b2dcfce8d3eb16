import { KEY_ARN, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "KMS", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: KEY_ARN, retentionInDays: 90 }) }],
    violating: [{ title: "no key", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }), about: "lg" }],
  });
