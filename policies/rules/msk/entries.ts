// Catalog entries of the msk rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "msk-in-cluster-node-require-tls",
    awsConfigIdentifier: "MSK_IN_CLUSTER_NODE_REQUIRE_TLS",
    fsbp: ["MSK.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "MSK clusters encrypt traffic between brokers.",
    remediation: "Remove `encryptionInTransit.inCluster: false` (the default is true).",
    resourceTypes: ["aws:msk/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "msk-enhanced-monitoring-enabled",
    awsConfigIdentifier: "MSK_ENHANCED_MONITORING_ENABLED",
    fsbp: ["MSK.2"],
    severity: "low",
    enforcement: "advisory",
    description: "MSK clusters have enhanced monitoring.",
    remediation: "Set `enhancedMonitoring: \"PER_BROKER\"` (or PER_TOPIC_PER_BROKER, PER_TOPIC_PER_PARTITION).",
    resourceTypes: ["aws:msk/cluster:Cluster"],
    preview: "resource",
  },
];
