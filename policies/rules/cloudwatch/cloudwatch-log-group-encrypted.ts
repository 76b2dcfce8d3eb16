// cloudwatch-log-group-encrypted: log groups are encrypted with a KMS key.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cloudwatch-log-group-encrypted", (r) =>
  isUnknown(r.props.kmsKeyId) || (typeof r.props.kmsKeyId === "string" && r.props.kmsKeyId !== "") ? [] : [`Log group ${label(r)} has no kmsKeyId.`],
);
