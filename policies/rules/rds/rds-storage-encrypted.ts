// rds-storage-encrypted: DB instances outside Aurora clusters have encrypted storage.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("rds-storage-encrypted", (r) => {
  // Aurora instances take their storage (and its encryption) from the cluster: judged by rds-cluster-encrypted-at-rest.
  if (r.props.clusterIdentifier || isUnknown(r.props.storageEncrypted)) return [];
  return r.props.storageEncrypted === true ? [] : [`DB instance ${label(r)} does not encrypt its storage.`];
});
