// rds-no-default-ports: RDS DB instances and clusters listen on a port other than their engine's default. (FSBP RDS.23)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

const DEFAULT_PORTS: Record<string, number> = {"mysql":3306, "mariadb":3306, "aurora-mysql":3306, "postgres":5432, "aurora-postgresql":5432, "oracle-ee":1521, "oracle-se2":1521, "sqlserver-se":1433, "sqlserver-ee":1433, "sqlserver-ex":1433, "sqlserver-web":1433};

export default settingRule("rds-no-default-ports", (p) => {
  if (isUnknown(p.engine) || isUnknown(p.port)) return UNKNOWN;
  const standard = DEFAULT_PORTS[p.engine];
  if (standard === undefined) return undefined;
  return (p.port ?? standard) === standard ? `listens on ${p.engine}'s default port ${standard}: set port to another value` : undefined;
});
