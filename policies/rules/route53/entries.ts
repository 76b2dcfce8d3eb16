// Catalog entries of the route53 rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "route53-query-logging-enabled",
    awsConfigIdentifier: "ROUTE53_QUERY_LOGGING_ENABLED",
    fsbp: ["Route53.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "Route 53 public hosted zones log DNS queries.",
    remediation: "Add `aws.route53.QueryLog` for the zone (log group in us-east-1).",
    resourceTypes: ["aws:route53/zone:Zone","aws:route53/queryLog:QueryLog"],
    preview: "stack",
  },
];
