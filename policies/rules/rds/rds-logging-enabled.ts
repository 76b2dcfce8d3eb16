// rds-logging-enabled: DB instances publish their engine's logs to CloudWatch Logs. (FSBP RDS.9)
// The log types per engine are those the AWS Config rule and Security Hub RDS.9 require:
// https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9 (the Config rule's page,
// https://docs.aws.amazon.com/config/latest/developerguide/rds-logging-enabled.html, names only its parameter).
// Aurora instances (ClusterInstance, or an Instance of an Aurora engine) export what their cluster exports (RDS refuses
// the setting on the instance): judged by the cluster's.
import { asArray, label, ofType, programValue, refersTo } from "../../helpers";
import { isUnknown, ResourceView, stackRule, StackViolation } from "../../model";

const MYSQL_LOGS = ["audit", "error", "general", "slowquery"];

/** The log types the rule requires of an engine; undefined for engines it does not judge (Db2, RDS Custom). */
function requiredLogTypes(engine: string): readonly string[] | undefined {
  if (["mysql", "mariadb", "aurora", "aurora-mysql"].includes(engine)) return MYSQL_LOGS;
  if (engine === "postgres") return ["postgresql", "upgrade"];
  if (engine === "aurora-postgresql") return ["postgresql"];
  if (engine.startsWith("oracle-")) return ["alert", "audit", "trace", "listener"];
  if (engine.startsWith("sqlserver-")) return ["error", "agent"];
  return undefined;
}

const CLUSTER = ["aws:rds/cluster:Cluster"];
const INSTANCE = ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"];

/** The resource whose `enabledCloudwatchLogsExports` the instance publishes: itself, or its Aurora cluster. */
function exporter(instance: ResourceView, engine: string, clusters: readonly ResourceView[]): ResourceView | "unknown" {
  if (!engine.startsWith("aurora")) return instance;
  const refs = clusters.map((c) => [c, refersTo(instance, "clusterIdentifier", c)] as const);
  return refs.find(([, r]) => r === true)?.[0] ?? "unknown";
}

export default stackRule("rds-logging-enabled", (resources) => {
  const out: StackViolation[] = [];
  const clusters = ofType(resources, CLUSTER);
  for (const instance of ofType(resources, INSTANCE)) {
    const engine = programValue(instance, "engine");
    if (typeof engine !== "string") {
      out.push({ resource: instance, cannotJudge: true, message: `${label(instance)}: its engine, which decides the logs it must publish, is unknown until the update (set engine).` });
      continue;
    }
    const required = requiredLogTypes(engine);
    if (!required) continue;
    const source = exporter(instance, engine, clusters);
    if (source === "unknown") {
      out.push({ resource: instance, cannotJudge: true, message: `${label(instance)}: the ${engine} cluster whose log exports it publishes is not declared in this stack or is unknown until the update, so its logs cannot be judged.` });
      continue;
    }
    const exports = source.props.enabledCloudwatchLogsExports;
    const missing = required.filter((t) => !asArray(exports).includes(t));
    if (missing.length === 0) continue;
    const where = source === instance ? "enabledCloudwatchLogsExports" : `the enabledCloudwatchLogsExports of its cluster ${label(source)}`;
    if (isUnknown(exports) || asArray(exports).some(isUnknown)) out.push({ resource: instance, cannotJudge: true, message: `${label(instance)}: ${where} is unknown until the update (${engine} must publish ${required.join(", ")}).` });
    else out.push({ resource: instance, message: `${label(instance)} does not publish its ${missing.join(", ")} logs (${engine}) to CloudWatch Logs: add them to ${where}.` });
  }
  return out;
});
