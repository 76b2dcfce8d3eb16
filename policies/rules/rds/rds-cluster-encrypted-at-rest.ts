// rds-cluster-encrypted-at-rest: DB clusters have encrypted storage.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("rds-cluster-encrypted-at-rest", (r) =>
  r.props.storageEncrypted === true || isUnknown(r.props.storageEncrypted) ? [] : [`DB cluster ${label(r)} does not encrypt its storage.`],
);
