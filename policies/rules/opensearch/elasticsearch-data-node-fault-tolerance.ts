// elasticsearch-data-node-fault-tolerance: Elasticsearch domains have at least three data nodes across Availability Zones. (FSBP ES.6)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { all, at, requireAtLeast, requireTrue, settingRule } from "../../judge";

export default settingRule("elasticsearch-data-node-fault-tolerance", (p) => all(requireAtLeast(at(p, "clusterConfig.instanceCount"), 3, "has fewer than three data nodes: set clusterConfig.instanceCount to 3 or more", 1), requireTrue(at(p, "clusterConfig.zoneAwarenessEnabled"), "keeps its data nodes in one Availability Zone: set clusterConfig.zoneAwarenessEnabled true")));
