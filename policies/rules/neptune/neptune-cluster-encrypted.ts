// neptune-cluster-encrypted: Neptune clusters encrypt their storage. (FSBP Neptune.1)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("neptune-cluster-encrypted", (p) => requireTrue(p.storageEncrypted, "does not encrypt its storage: set storageEncrypted true"));
