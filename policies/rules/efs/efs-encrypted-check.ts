// efs-encrypted-check: EFS file systems are encrypted at rest.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("efs-encrypted-check", (r) =>
  r.props.encrypted === true || isUnknown(r.props.encrypted) ? [] : [`File system ${label(r)} is not encrypted.`],
);
