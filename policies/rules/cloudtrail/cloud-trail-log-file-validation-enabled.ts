// cloud-trail-log-file-validation-enabled: trails validate log file integrity.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cloud-trail-log-file-validation-enabled", (r) =>
  r.props.enableLogFileValidation === true || isUnknown(r.props.enableLogFileValidation) ? [] : [`Trail ${label(r)} does not enable log file validation.`],
);
