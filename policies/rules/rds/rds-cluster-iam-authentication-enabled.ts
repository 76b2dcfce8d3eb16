// rds-cluster-iam-authentication-enabled: RDS DB clusters have IAM database authentication. (FSBP RDS.12)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-cluster-iam-authentication-enabled", (p) => requireTrue(p.iamDatabaseAuthenticationEnabled, "does not accept IAM database authentication: set iamDatabaseAuthenticationEnabled true"));
