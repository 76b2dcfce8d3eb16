// elasticsearch-node-to-node-encryption-check: Elasticsearch domains encrypt traffic between nodes. (FSBP ES.3)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("elasticsearch-node-to-node-encryption-check", (p) => requireTrue(at(p, "nodeToNodeEncryption.enabled"), "does not encrypt traffic between nodes: set nodeToNodeEncryption.enabled true"));
