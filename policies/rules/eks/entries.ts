// Catalog entries of the eks rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "eks-endpoint-no-public-access",
    awsConfigIdentifier: "EKS_ENDPOINT_NO_PUBLIC_ACCESS",
    fsbp: ["EKS.1"],
    severity: "high",
    description: "EKS cluster API endpoints are not publicly accessible.",
    remediation: "Set `vpcConfig.endpointPublicAccess` false and `endpointPrivateAccess` true (reach the API from the VPC or a VPN).",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "eks-secrets-encrypted",
    awsConfigIdentifier: "EKS_SECRETS_ENCRYPTED",
    fsbp: ["EKS.3"],
    severity: "medium",
    description: "EKS clusters encrypt Kubernetes secrets with a KMS key (envelope encryption).",
    remediation: "Add `encryptionConfig: { resources: [\"secrets\"], provider: { keyArn } }`.",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "eks-cluster-log-enabled",
    awsConfigIdentifier: "EKS_CLUSTER_LOG_ENABLED",
    fsbp: ["EKS.8"],
    severity: "medium",
    description: "EKS clusters send the configured control-plane log types (audit by default) to CloudWatch Logs.",
    remediation: "Add the log types to `enabledClusterLogTypes` (for example `[\"api\", \"audit\", \"authenticator\"]`).",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    preview: "resource",
    parameters: { logTypes: { type: "array", items: { type: "string", enum: ["api", "audit", "authenticator", "controllerManager", "scheduler"] }, default: ["audit"], description: "Control-plane log types that must be enabled." } },
    awsConfigParameters: (p): Record<string, string> => ({ logTypes: p.logTypes.join(",") }),
  },
  {
    id: "eks-cluster-supported-version",
    awsConfigIdentifier: "EKS_CLUSTER_SUPPORTED_VERSION",
    fsbp: ["EKS.2"],
    severity: "high",
    description: "EKS clusters run a Kubernetes version at or above the oldest supported one.",
    remediation: "Set `version` to a Kubernetes version in standard support (or leave it unset for the latest).",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    preview: "resource",
    parameters: { oldestVersionSupported: { type: "string", default: "1.30", description: "The oldest Kubernetes version accepted (major.minor)." } },
    awsConfigParameters: (p): Record<string, string> => ({ oldestVersionSupported: p.oldestVersionSupported }),
  },
];
