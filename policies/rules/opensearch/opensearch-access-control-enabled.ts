// opensearch-access-control-enabled: OpenSearch domains have fine-grained access control. (FSBP OpenSearch.7)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("opensearch-access-control-enabled", (p) => requireTrue(at(p, "advancedSecurityOptions.enabled"), "has no fine-grained access control: set advancedSecurityOptions.enabled true"));
