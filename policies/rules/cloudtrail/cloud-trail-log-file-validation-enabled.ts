// cloud-trail-log-file-validation-enabled: trails validate log file integrity.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("cloud-trail-log-file-validation-enabled", (r) =>
  judgeKnown(r, ["enableLogFileValidation"], () => (r.props.enableLogFileValidation === true ? [] : [`Trail ${label(r)} does not enable log file validation.`])),
);
