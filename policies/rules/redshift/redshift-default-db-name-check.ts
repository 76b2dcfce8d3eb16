// redshift-default-db-name-check: Redshift clusters do not use the default database name (dev). (FSBP Redshift.9)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("redshift-default-db-name-check", (p) => requireNotIn(p.databaseName, ["dev"], "uses the default database name dev: set databaseName", "dev"));
