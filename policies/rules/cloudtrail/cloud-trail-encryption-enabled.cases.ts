import { ruleCases, trail } from "../cases";

export default ruleCases({
    compliant: [{ title: "KMS", input: trail("t") }],
    violating: [{ title: "no key", input: trail("t", { kmsKeyId: undefined }), about: "t" }],
  });
