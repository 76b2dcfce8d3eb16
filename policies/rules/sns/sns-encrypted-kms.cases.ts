import { KEY_ARN, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "KMS", input: res("aws:sns/topic:Topic", "t", { kmsMasterKeyId: KEY_ARN }) }],
    violating: [{ title: "none", input: res("aws:sns/topic:Topic", "t", {}), about: "t" }],
  });
