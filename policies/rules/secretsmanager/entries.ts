// Catalog entries of the secretsmanager rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "secretsmanager-rotation-enabled-check",
    awsConfigIdentifier: "SECRETSMANAGER_ROTATION_ENABLED_CHECK",
    fsbp: ["SecretsManager.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Secrets Manager secrets rotate automatically.",
    remediation: "Add `aws.secretsmanager.SecretRotation` for the secret (a rotation function or managed rotation).",
    resourceTypes: ["aws:secretsmanager/secret:Secret","aws:secretsmanager/secretRotation:SecretRotation"],
    preview: "stack",
  },
  {
    id: "secretsmanager-secret-periodic-rotation",
    awsConfigIdentifier: "SECRETSMANAGER_SECRET_PERIODIC_ROTATION",
    fsbp: ["SecretsManager.4"],
    severity: "medium",
    enforcement: "advisory",
    description: "Secrets Manager secrets rotate at least every 90 days (configurable).",
    remediation: "Set `rotationRules.automaticallyAfterDays` to 90 or less (or a schedule expression at least that often).",
    resourceTypes: ["aws:secretsmanager/secretRotation:SecretRotation"],
    preview: "resource",
    parameters: { maxDaysSinceRotation: { type: "integer", minimum: 1, maximum: 1000, default: 90, description: "Longest accepted rotation interval in days." } },
    awsConfigParameters: (p): Record<string, string> => ({ maxDaysSinceRotation: String(p.maxDaysSinceRotation) }),
  },
];
