// Catalog entries of the autoscaling rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "autoscaling-launch-config-hop-limit",
    awsConfigIdentifier: "AUTOSCALING_LAUNCH_CONFIG_HOP_LIMIT",
    fsbp: ["AutoScaling.4"],
    severity: "high",
    enforcement: "advisory",
    description: "Launch configurations keep the instance metadata response hop limit at 1.",
    remediation: "Set `metadataOptions.httpPutResponseHopLimit: 1` (or move to a launch template).",
    resourceTypes: ["aws:ec2/launchConfiguration:LaunchConfiguration"],
    preview: "resource",
  },
  {
    id: "autoscaling-group-elb-healthcheck-required",
    awsConfigIdentifier: "AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED",
    fsbp: ["AutoScaling.1"],
    severity: "low",
    enforcement: "advisory",
    description: "Auto Scaling groups behind a load balancer use its health checks.",
    remediation: "Set `healthCheckType: \"ELB\"`.",
    resourceTypes: ["aws:autoscaling/group:Group"],
    preview: "resource",
  },
  {
    id: "autoscaling-multiple-az",
    awsConfigIdentifier: "AUTOSCALING_MULTIPLE_AZ",
    fsbp: ["AutoScaling.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "Auto Scaling groups span at least two Availability Zones.",
    remediation: "Give `vpcZoneIdentifiers` (or `availabilityZones`) two or more entries in different zones.",
    resourceTypes: ["aws:autoscaling/group:Group"],
    preview: "resource",
  },
];
