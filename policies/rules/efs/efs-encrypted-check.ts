// efs-encrypted-check: EFS file systems are encrypted at rest.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("efs-encrypted-check", (r) => judgeKnown(r, ["encrypted"], () => (r.props.encrypted === true ? [] : [`File system ${label(r)} is not encrypted.`])));
