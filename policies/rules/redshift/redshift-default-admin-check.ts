// redshift-default-admin-check: Redshift clusters do not use the default administrator user name (awsuser). (FSBP Redshift.8)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("redshift-default-admin-check", (p) => requireNotIn(p.masterUsername, ["awsuser"], "uses the default administrator name awsuser: choose another masterUsername"));
