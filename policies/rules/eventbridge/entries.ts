// Catalog entries of the eventbridge rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "custom-eventbus-policy-attached",
    awsConfigIdentifier: "CUSTOM_EVENTBUS_POLICY_ATTACHED",
    fsbp: ["EventBridge.3"],
    severity: "low",
    enforcement: "advisory",
    description: "EventBridge custom event buses have a resource-based policy.",
    remediation: "Add `aws.cloudwatch.EventBusPolicy` for the bus.",
    resourceTypes: ["aws:cloudwatch/eventBus:EventBus","aws:cloudwatch/eventBusPolicy:EventBusPolicy"],
    preview: "stack",
  },
];
