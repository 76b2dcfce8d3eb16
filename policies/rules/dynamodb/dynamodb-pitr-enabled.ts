// dynamodb-pitr-enabled: tables have point-in-time recovery.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("dynamodb-pitr-enabled", (r) => {
  const pitr = r.props.pointInTimeRecovery;
  if (isUnknown(pitr) || isUnknown(pitr?.enabled)) return [];
  return pitr?.enabled === true ? [] : [`Table ${label(r)} has no point-in-time recovery.`];
});
