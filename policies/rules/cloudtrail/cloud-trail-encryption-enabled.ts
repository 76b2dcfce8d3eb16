// cloud-trail-encryption-enabled: trails encrypt log files with KMS.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cloud-trail-encryption-enabled", (r) =>
  isUnknown(r.props.kmsKeyId) || (typeof r.props.kmsKeyId === "string" && r.props.kmsKeyId !== "") ? [] : [`Trail ${label(r)} has no kmsKeyId.`],
);
