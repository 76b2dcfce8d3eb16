// cloudtrail-enabled: trails declared in the stack are logging.
import { label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("cloudtrail-enabled", (r) => (r.props.enableLogging === false ? [`Trail ${label(r)} has enableLogging false.`] : []));
