// Catalog entries of the appsync rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "appsync-cache-ct-encryption-at-rest",
    awsConfigIdentifier: "APPSYNC_CACHE_CT_ENCRYPTION_AT_REST",
    fsbp: ["AppSync.1"],
    severity: "medium",
    enforcement: "advisory",
    description: "AppSync API caches encrypt data at rest.",
    remediation: "Set `atRestEncryptionEnabled: true` (chosen at creation).",
    resourceTypes: ["aws:appsync/apiCache:ApiCache"],
    preview: "resource",
  },
  {
    id: "appsync-logging-enabled",
    awsConfigIdentifier: "APPSYNC_LOGGING_ENABLED",
    fsbp: ["AppSync.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "AppSync GraphQL APIs have field-level logging.",
    remediation: "Set `logConfig: { fieldLogLevel: \"ERROR\", cloudwatchLogsRoleArn }`.",
    resourceTypes: ["aws:appsync/graphQLApi:GraphQLApi"],
    preview: "resource",
  },
];
