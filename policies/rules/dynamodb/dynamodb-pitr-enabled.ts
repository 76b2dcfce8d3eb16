// dynamodb-pitr-enabled: tables have point-in-time recovery.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("dynamodb-pitr-enabled", (r) =>
  judgeKnown(r, ["pointInTimeRecovery.enabled"], () => (r.props.pointInTimeRecovery?.enabled === true ? [] : [`Table ${label(r)} has no point-in-time recovery.`])),
);
