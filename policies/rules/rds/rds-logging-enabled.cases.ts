import { fromOutputs, judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const MYSQL_LOGS = ["audit", "error", "general", "slowquery"];
const db = (engine: unknown, exports?: unknown, props: Record<string, unknown> = {}) =>
  res(INSTANCE, "db", { engine, instanceClass: "db.t4g.medium", ...(exports === undefined ? {} : { enabledCloudwatchLogsExports: exports }), ...props });
const cluster = (engine: string, exports?: unknown) => res(CLUSTER, "db-cluster", { clusterIdentifier: "db-cluster", engine, ...(exports === undefined ? {} : { enabledCloudwatchLogsExports: exports }) });
/** An Aurora instance of the cluster above, by its identifier (an `rds.ClusterInstance`, as Pulumi programs declare them). */
const member = (engine: string) => res("aws:rds/clusterInstance:ClusterInstance", "db", { engine, instanceClass: "db.r6g.large", clusterIdentifier: "db-cluster" });
/** A cluster the stack creates (its identifier unknown at preview) and an instance the engine reports depending on it. */
const newCluster = (exports: string[]) => res(CLUSTER, "db-cluster", { clusterIdentifier: UNKNOWN, engine: "aurora-mysql", enabledCloudwatchLogsExports: exports });
const newMember = fromOutputs(db("aurora-mysql", undefined, { clusterIdentifier: UNKNOWN }), "clusterIdentifier", newCluster([]));

const cases = ruleCases({
  compliant: [
    { title: "MySQL, its four logs", input: [db("mysql", MYSQL_LOGS)] },
    { title: "MariaDB, its four logs", input: [db("mariadb", MYSQL_LOGS)] },
    { title: "PostgreSQL, postgresql and upgrade", input: [db("postgres", ["postgresql", "upgrade"])] },
    { title: "Oracle, alert, audit, trace and listener", input: [db("oracle-ee", ["alert", "audit", "trace", "listener"])] },
    { title: "SQL Server, error and agent", input: [db("sqlserver-ex", ["error", "agent"])] },
    { title: "Aurora MySQL instance, its cluster exporting the four logs", input: [cluster("aurora-mysql", MYSQL_LOGS), member("aurora-mysql")] },
    { title: "Aurora PostgreSQL instance, its cluster exporting postgresql", input: [cluster("aurora-postgresql", ["postgresql"]), member("aurora-postgresql")] },
    { title: "an Instance of an Aurora engine, its cluster exporting the four logs", input: [cluster("aurora-mysql", MYSQL_LOGS), db("aurora-mysql", undefined, { clusterIdentifier: "db-cluster" })] },
    { title: "Aurora instance of a cluster the stack creates, known by dependency", input: [newCluster(MYSQL_LOGS), newMember] },
    { title: "MySQL, its four logs known beside one unknown", input: [db("mysql", [...MYSQL_LOGS, UNKNOWN])] },
  ],
  violating: [
    { title: "MySQL, no exports", input: [db("mysql")], about: "db", says: "audit, error, general, slowquery logs (mysql) to CloudWatch Logs: add them to enabledCloudwatchLogsExports." },
    { title: "MySQL, slowquery missing", input: [db("mysql", ["audit", "error", "general"])], about: "db", says: "slowquery" },
    { title: "MariaDB, no exports", input: [db("mariadb")], about: "db" },
    { title: "PostgreSQL, upgrade missing", input: [db("postgres", ["postgresql"])], about: "db", says: "upgrade" },
    { title: "Oracle, listener missing", input: [db("oracle-se2", ["alert", "audit", "trace"])], about: "db", says: "listener" },
    { title: "SQL Server, agent missing", input: [db("sqlserver-se", ["error"])], about: "db", says: "agent" },
    { title: "SQL Server, no exports", input: [db("sqlserver-ex")], about: "db" },
    { title: "Aurora MySQL instance, its cluster exporting audit only", input: [cluster("aurora-mysql", ["audit"]), member("aurora-mysql")], about: "db", says: "add them to the enabledCloudwatchLogsExports of its cluster db-cluster" },
    { title: "Aurora (MySQL 5.6) instance, its cluster exporting audit only", input: [cluster("aurora", ["audit"]), member("aurora")], about: "db", says: "error, general, slowquery" },
    {
      title: "Aurora instance of the second of two clusters, which exports nothing",
      input: [cluster("aurora-mysql", MYSQL_LOGS), res(CLUSTER, "reports", { clusterIdentifier: "reports", engine: "aurora-mysql" }), { ...member("aurora-mysql"), props: { engine: "aurora-mysql", clusterIdentifier: "reports" } }],
      about: "db",
      says: "reports",
    },
    { title: "Aurora PostgreSQL instance, its cluster exporting nothing", input: [cluster("aurora-postgresql"), member("aurora-postgresql")], about: "db", says: "postgresql" },
    { title: "Aurora instance of a cluster the stack creates, which exports error only", input: [newCluster(["error"]), newMember], about: "db" },
  ],
  notApplicable: [
    { title: "an Aurora cluster with no instance", input: [cluster("aurora-mysql")] },
    // Db2 is none of the engines whose logs the rule names (FSBP RDS.9).
    { title: "Db2, no exports", input: [db("db2-se")] },
  ],
  unknown: [
    { title: "exports unknown", input: [db("mysql", UNKNOWN)], about: "db", says: "enabledCloudwatchLogsExports is unknown until the update (mysql must publish audit, error, general, slowquery)" },
    { title: "MySQL, a log missing beside an unknown entry", input: [db("mysql", ["audit", "error", "general", UNKNOWN])], about: "db" },
    { title: "engine unknown", input: [db(UNKNOWN)], about: "db", says: "engine" },
    { title: "Aurora instance of a cluster this stack does not declare", input: [member("aurora-mysql")], about: "db", says: "cluster" },
    { title: "Aurora instance, its cluster's exports unknown", input: [cluster("aurora-postgresql", UNKNOWN), member("aurora-postgresql")], about: "db" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "MySQL, its four logs": "COMPLIANT",
  "MariaDB, its four logs": "COMPLIANT",
  "PostgreSQL, postgresql and upgrade": "COMPLIANT",
  "Oracle, alert, audit, trace and listener": "COMPLIANT",
  "SQL Server, error and agent": "COMPLIANT",
  "Aurora MySQL instance, its cluster exporting the four logs": "COMPLIANT",
  "Aurora PostgreSQL instance, its cluster exporting postgresql": "COMPLIANT",
  "an Instance of an Aurora engine, its cluster exporting the four logs": "COMPLIANT",
  "MySQL, no exports": "NON_COMPLIANT",
  "MySQL, slowquery missing": "NON_COMPLIANT",
  "MariaDB, no exports": "NON_COMPLIANT",
  "PostgreSQL, upgrade missing": "NON_COMPLIANT",
  "Oracle, listener missing": "NON_COMPLIANT",
  "SQL Server, agent missing": "NON_COMPLIANT",
  "SQL Server, no exports": "NON_COMPLIANT",
  "Aurora MySQL instance, its cluster exporting audit only": "NON_COMPLIANT",
  "Aurora PostgreSQL instance, its cluster exporting nothing": "NON_COMPLIANT",
  "an Aurora cluster with no instance": "NOT_APPLICABLE",
  "Db2, no exports": "NOT_APPLICABLE",
  "Aurora (MySQL 5.6) instance, its cluster exporting audit only": "NON_COMPLIANT",
  "Aurora instance of the second of two clusters, which exports nothing": "NON_COMPLIANT",
});
