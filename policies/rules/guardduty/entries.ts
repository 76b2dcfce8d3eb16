// Catalog entries of the guardduty rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "guardduty-rds-protection-enabled",
    awsConfigIdentifier: "GUARDDUTY_RDS_PROTECTION_ENABLED",
    fsbp: ["GuardDuty.9"],
    severity: "high",
    enforcement: "advisory",
    description: "GuardDuty RDS Protection is enabled.",
    remediation: "Add `aws.guardduty.DetectorFeature` named RDS_LOGIN_EVENTS with status ENABLED, or set managedExternally.",
    resourceTypes: ["aws:guardduty/detectorFeature:DetectorFeature"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
  {
    id: "guardduty-s3-protection-enabled",
    awsConfigIdentifier: "GUARDDUTY_S3_PROTECTION_ENABLED",
    fsbp: ["GuardDuty.10"],
    severity: "high",
    enforcement: "advisory",
    description: "GuardDuty S3 Protection is enabled.",
    remediation: "Add `aws.guardduty.DetectorFeature` named S3_DATA_EVENTS with status ENABLED, or set managedExternally.",
    resourceTypes: ["aws:guardduty/detectorFeature:DetectorFeature"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
];
