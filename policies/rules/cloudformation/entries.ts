// Catalog entries of the cloudformation rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "cloudformation-stack-notification-check",
    awsConfigIdentifier: "CLOUDFORMATION_STACK_NOTIFICATION_CHECK",
    fsbp: ["CloudFormation.1"],
    severity: "low",
    enforcement: "advisory",
    description: "CloudFormation stacks send their events to an SNS topic.",
    remediation: "Set `notificationArns` to an SNS topic.",
    resourceTypes: ["aws:cloudformation/stack:Stack"],
    preview: "resource",
  },
];
