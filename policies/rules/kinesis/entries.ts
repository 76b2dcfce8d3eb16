// Catalog entries of the kinesis rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "kinesis-stream-encrypted",
    awsConfigIdentifier: "KINESIS_STREAM_ENCRYPTED",
    fsbp: ["Kinesis.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "Kinesis data streams encrypt records at rest.",
    remediation: "Set `encryptionType: \"KMS\"` and `kmsKeyId` (alias/aws/kinesis or your key).",
    resourceTypes: ["aws:kinesis/stream:Stream"],
    preview: "resource",
  },
];
