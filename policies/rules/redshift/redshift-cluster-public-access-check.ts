// redshift-cluster-public-access-check: Redshift clusters are not publicly accessible. (FSBP Redshift.1)
import { requireFalse, settingRule } from "../../judge";

export default settingRule("redshift-cluster-public-access-check", (p) => requireFalse(p.publiclyAccessible, "is publicly accessible: set publiclyAccessible false"));
