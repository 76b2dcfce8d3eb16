import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "account BPA in the stack", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "none", input: [] },
      { title: "partial", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true })] },
    ],
  });
