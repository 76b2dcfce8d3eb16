// cloudtrail-enabled: trails declared in the stack are logging.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("cloudtrail-enabled", (r) => judgeKnown(r, ["enableLogging"], () => (r.props.enableLogging === false ? [`Trail ${label(r)} has enableLogging false.`] : [])));
