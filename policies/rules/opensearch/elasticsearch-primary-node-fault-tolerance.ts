// elasticsearch-primary-node-fault-tolerance: Elasticsearch domains have three dedicated master nodes. (FSBP ES.7)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { all, at, requireAtLeast, requireTrue, settingRule } from "../../judge";

export default settingRule("elasticsearch-primary-node-fault-tolerance", (p) => all(requireTrue(at(p, "clusterConfig.dedicatedMasterEnabled"), "has no dedicated master nodes: set clusterConfig.dedicatedMasterEnabled true"), requireAtLeast(at(p, "clusterConfig.dedicatedMasterCount"), 3, "has fewer than three dedicated master nodes: set clusterConfig.dedicatedMasterCount to 3")));
