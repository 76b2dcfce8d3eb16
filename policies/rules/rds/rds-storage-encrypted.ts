// rds-storage-encrypted: DB instances outside Aurora clusters have encrypted storage.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("rds-storage-encrypted", (r) => {
  // Aurora instances take their storage (and its encryption) from the cluster: judged by rds-cluster-encrypted-at-rest.
  if (r.props.clusterIdentifier !== undefined) return [];
  return judgeKnown(r, ["storageEncrypted"], () => (r.props.storageEncrypted === true ? [] : [`DB instance ${label(r)} does not encrypt its storage.`]));
});
