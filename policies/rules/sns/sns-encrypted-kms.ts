// sns-encrypted-kms: SNS topics are encrypted with a KMS key (the Config rule: KmsMasterKeyId is set). A key unknown at
// preview counts only when it comes from a KMS key or alias of this stack.
import { KMS_KEY_TYPES, ofType, referenceViolations } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("sns-encrypted-kms", (resources) =>
  referenceViolations(ofType(resources, ["aws:sns/topic:Topic"]), "kmsMasterKeyId", ofType(resources, KMS_KEY_TYPES), "has no kmsMasterKeyId: set it to a KMS key (a customer managed key lets other services publish)", "KMS key"),
);
