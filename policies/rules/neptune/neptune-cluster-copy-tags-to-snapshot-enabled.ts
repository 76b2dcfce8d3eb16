// neptune-cluster-copy-tags-to-snapshot-enabled: Neptune clusters copy their tags to snapshots. (FSBP Neptune.8)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("neptune-cluster-copy-tags-to-snapshot-enabled", (p) => requireTrue(p.copyTagsToSnapshot, "does not copy its tags to snapshots: set copyTagsToSnapshot true"));
