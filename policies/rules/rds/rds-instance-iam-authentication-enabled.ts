// rds-instance-iam-authentication-enabled: RDS DB instances (MySQL, MariaDB, PostgreSQL) have IAM database authentication. (FSBP RDS.10)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-instance-iam-authentication-enabled", (p) => !["mysql", "mariadb", "postgres"].includes(p.engine) ? undefined : requireTrue(p.iamDatabaseAuthenticationEnabled, "does not accept IAM database authentication: set iamDatabaseAuthenticationEnabled true"));
