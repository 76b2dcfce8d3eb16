// msk-in-cluster-node-require-tls: MSK clusters encrypt traffic between brokers. (FSBP MSK.1)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("msk-in-cluster-node-require-tls", (p) => requireTrue(at(p, "encryptionInfo.encryptionInTransit.inCluster"), "lets brokers talk in plain text: set encryptionInfo.encryptionInTransit.inCluster true", true));
