// opensearch-node-to-node-encryption-check: OpenSearch domains encrypt traffic between nodes. (FSBP OpenSearch.3)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("opensearch-node-to-node-encryption-check", (p) => requireTrue(at(p, "nodeToNodeEncryption.enabled"), "does not encrypt traffic between nodes: set nodeToNodeEncryption.enabled true"));
