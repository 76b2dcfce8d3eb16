// docdb-cluster-encrypted: DocumentDB clusters encrypt their storage. (FSBP DocumentDB.1)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("docdb-cluster-encrypted", (p) => requireTrue(p.storageEncrypted, "does not encrypt its storage: set storageEncrypted true (and kmsKeyId)"));
