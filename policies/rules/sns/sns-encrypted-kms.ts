// sns-encrypted-kms: SNS topics are encrypted with KMS.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("sns-encrypted-kms", (r) =>
  isUnknown(r.props.kmsMasterKeyId) || (typeof r.props.kmsMasterKeyId === "string" && r.props.kmsMasterKeyId !== "") ? [] : [`Topic ${label(r)} has no kmsMasterKeyId.`],
);
