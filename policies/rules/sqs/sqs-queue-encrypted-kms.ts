// sqs-queue-encrypted-kms: SQS queues are encrypted at rest with KMS, or with SSE-SQS (new queues' default) unless
// the team requires KMS (allowSqsManagedSse false).
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("sqs-queue-encrypted-kms", (r, config) => {
  const key = r.props.kmsMasterKeyId;
  if (isUnknown(key) || (typeof key === "string" && key !== "")) return [];
  if (config.allowSqsManagedSse === true) return judgeKnown(r, ["sqsManagedSseEnabled"], () => (r.props.sqsManagedSseEnabled !== false ? [] : [`Queue ${label(r)} is not encrypted at rest: remove sqsManagedSseEnabled false or set kmsMasterKeyId.`]));
  return [`Queue ${label(r)} has no kmsMasterKeyId (allowSqsManagedSse is false: a KMS key is required).`];
});
