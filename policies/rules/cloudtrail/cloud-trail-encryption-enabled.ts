// cloud-trail-encryption-enabled: trails encrypt log files with KMS (the Config rule: KmsKeyId is defined). A key id
// unknown at preview counts only when it comes from a KMS key or alias of this stack.
import { KMS_KEY_TYPES, ofType, referenceViolations, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("cloud-trail-encryption-enabled", (resources) =>
  referenceViolations(ofType(resources, T.trail), "kmsKeyId", ofType(resources, KMS_KEY_TYPES), "has no kmsKeyId: set it to a KMS key whose policy allows CloudTrail", "KMS key"),
);
