// rds-cluster-encrypted-at-rest: DB clusters have encrypted storage.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("rds-cluster-encrypted-at-rest", (r) =>
  judgeKnown(r, ["storageEncrypted"], () => (r.props.storageEncrypted === true ? [] : [`DB cluster ${label(r)} does not encrypt its storage.`])),
);
