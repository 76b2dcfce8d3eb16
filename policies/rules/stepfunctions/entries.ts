// Catalog entries of the stepfunctions rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "step-functions-state-machine-logging-enabled",
    awsConfigIdentifier: "STEP_FUNCTIONS_STATE_MACHINE_LOGGING_ENABLED",
    fsbp: ["StepFunctions.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Step Functions state machines log their executions.",
    remediation: "Set `loggingConfiguration: { level: \"ERROR\", includeExecutionData: false, logDestination: \"<log group ARN>:*\" }`.",
    resourceTypes: ["aws:sfn/stateMachine:StateMachine"],
    preview: "resource",
  },
];
