// Catalog entries of the config rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "config-recorder-enabled",
    fsbp: ["Config.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "AWS Config records resources (a recorder that is on).",
    remediation: "Add `aws.cfg.Recorder`, a delivery channel and `aws.cfg.RecorderStatus` with isEnabled true, or set managedExternally.",
    resourceTypes: ["aws:cfg/recorderStatus:RecorderStatus"],
    preview: "stack",
    parameters: { managedExternally: { type: "boolean", default: false, description: "The account-level setting is managed outside this stack (another stack or AWS Organizations)." }, required: { type: "boolean", default: false, description: "Report a stack that does not manage the setting at all (for the account's baseline stack)." } },
  },
];
