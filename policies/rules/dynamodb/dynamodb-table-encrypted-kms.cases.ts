import { KEY_ARN, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "KMS", input: res("aws:dynamodb/table:Table", "t", { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN } }) }],
    violating: [{ title: "DynamoDB-owned key", input: res("aws:dynamodb/table:Table", "t", {}), about: "t" }],
  });
