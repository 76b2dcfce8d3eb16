// rds-instance-iam-authentication-enabled: RDS DB instances (MySQL, MariaDB, PostgreSQL) have IAM database authentication. (FSBP RDS.10)
import { oneOf, requireTrue, settingRule, whenApplies } from "../../judge";

export default settingRule("rds-instance-iam-authentication-enabled", (p) =>
  whenApplies(oneOf(p.engine, ["mysql", "mariadb", "postgres"]), () => requireTrue(p.iamDatabaseAuthenticationEnabled, "does not accept IAM database authentication: set iamDatabaseAuthenticationEnabled true")),
);
