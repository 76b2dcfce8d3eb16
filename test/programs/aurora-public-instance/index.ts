// Amazon Aurora user guide, "Creating an Aurora DB cluster": a cluster and one writer instance. The instance is made
// publicly accessible (a common shortcut in tutorials), and the cluster storage is not encrypted.
import * as aws from "@pulumi/aws";

const cluster = new aws.rds.Cluster("analytics", {
  engine: aws.rds.EngineType.AuroraPostgresql,
  engineVersion: "16.4",
  databaseName: "analytics",
  masterUsername: "analytics",
  manageMasterUserPassword: true,
  skipFinalSnapshot: true,
});

new aws.rds.ClusterInstance("analytics-writer", {
  clusterIdentifier: cluster.id,
  instanceClass: "db.r6g.large",
  engine: aws.rds.EngineType.AuroraPostgresql,
  publiclyAccessible: true,
});

export const endpoint = cluster.endpoint;
