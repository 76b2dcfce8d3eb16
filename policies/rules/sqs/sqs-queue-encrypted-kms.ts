// sqs-queue-encrypted-kms: SQS queues are encrypted at rest with KMS, or with SSE-SQS (new queues' default) unless
// the team requires KMS (allowSqsManagedSse false).
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("sqs-queue-encrypted-kms", (r, config) => {
  const key = r.props.kmsMasterKeyId;
  if (isUnknown(key) || (typeof key === "string" && key !== "")) return [];
  if (config.allowSqsManagedSse === true && r.props.sqsManagedSseEnabled !== false) return [];
  return config.allowSqsManagedSse === true
    ? [`Queue ${label(r)} is not encrypted at rest: remove sqsManagedSseEnabled false or set kmsMasterKeyId.`]
    : [`Queue ${label(r)} has no kmsMasterKeyId (allowSqsManagedSse is false: a KMS key is required).`];
});
