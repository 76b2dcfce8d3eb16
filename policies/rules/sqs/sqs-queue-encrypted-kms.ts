// sqs-queue-encrypted-kms: SQS queues are encrypted at rest with KMS, or with SSE-SQS (new queues' default) unless
// the team requires KMS (allowSqsManagedSse false). A key unknown at preview counts only when it comes from a KMS key
// or alias of this stack.
import { isFalse, KMS_KEY_TYPES, label, ofType, programValue, referenceSet } from "../../helpers";
import { isUnknown, stackRule, StackViolation } from "../../model";

export default stackRule("sqs-queue-encrypted-kms", (resources, config) => {
  const keys = ofType(resources, KMS_KEY_TYPES);
  const out: StackViolation[] = [];
  for (const queue of ofType(resources, ["aws:sqs/queue:Queue"])) {
    const key = referenceSet(queue, "kmsMasterKeyId", keys);
    if (key === true) continue;
    // SSE-SQS is on unless set false; with a KMS key set instead, the queue is encrypted either way.
    const sqsManaged = programValue(queue, "sqsManagedSseEnabled");
    if (config.allowSqsManagedSse === true && !isUnknown(sqsManaged) && !isFalse(sqsManaged)) continue;
    if (key === "unknown" || (config.allowSqsManagedSse === true && isUnknown(sqsManaged))) {
      out.push({ resource: queue, cannotJudge: true, message: `Queue ${label(queue)}: its kmsMasterKeyId or sqsManagedSseEnabled is unknown until the update (a key from no KMS key of this stack, or a switch from another resource's output).` });
    } else if (config.allowSqsManagedSse === true) {
      out.push({ resource: queue, message: `Queue ${label(queue)} is not encrypted at rest: remove sqsManagedSseEnabled false or set kmsMasterKeyId.` });
    } else {
      out.push({ resource: queue, message: `Queue ${label(queue)} has no kmsMasterKeyId (allowSqsManagedSse is false: a KMS key is required).` });
    }
  }
  return out;
});
