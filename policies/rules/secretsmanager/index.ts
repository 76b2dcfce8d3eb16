// secretsmanager rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import secretsmanagerRotationEnabledCheck from "./secretsmanager-rotation-enabled-check";
import secretsmanagerSecretPeriodicRotation from "./secretsmanager-secret-periodic-rotation";

export const rules: readonly Rule[] = [secretsmanagerRotationEnabledCheck, secretsmanagerSecretPeriodicRotation];
