// cloudwatch-log-group-encrypted: log groups are encrypted with a KMS key (the Config rule: kmsKeyId is set). A key
// ARN unknown at preview counts only when it comes from a KMS key of this stack.
import { KMS_KEY_TYPES, ofType, referenceViolations } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("cloudwatch-log-group-encrypted", (resources) =>
  referenceViolations(ofType(resources, ["aws:cloudwatch/logGroup:LogGroup"]), "kmsKeyId", ofType(resources, KMS_KEY_TYPES), "has no kmsKeyId: set it to a KMS key whose policy allows the logs service principal", "KMS key"),
);
