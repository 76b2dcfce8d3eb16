// sqs-queue-encrypted-kms: SQS queues are encrypted with KMS (or SSE-SQS when allowed).
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("sqs-queue-encrypted-kms", (r, config) => {
  const key = r.props.kmsMasterKeyId;
  if (isUnknown(key) || (typeof key === "string" && key !== "")) return [];
  if (config.allowSqsManagedSse === true && r.props.sqsManagedSseEnabled !== false) return [];
  return [`Queue ${label(r)} has no kmsMasterKeyId.`];
});
