// neptune-cluster-iam-database-authentication: Neptune clusters use IAM database authentication. (FSBP Neptune.7)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("neptune-cluster-iam-database-authentication", (p) => requireTrue(p.iamDatabaseAuthenticationEnabled, "does not require IAM database authentication: set iamDatabaseAuthenticationEnabled true"));
