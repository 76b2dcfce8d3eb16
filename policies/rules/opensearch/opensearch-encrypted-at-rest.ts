// opensearch-encrypted-at-rest: OpenSearch domains encrypt data at rest. (FSBP OpenSearch.1)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("opensearch-encrypted-at-rest", (p) => requireTrue(at(p, "encryptAtRest.enabled"), "does not encrypt data at rest: set encryptAtRest.enabled true"));
