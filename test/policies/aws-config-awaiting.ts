/**
 * Catalog entries whose cases do not carry the AWS Config rule's verdicts yet (test/policies/aws-config-agreement.test.ts).
 * Give an entry's cases their verdicts (`judgedByAwsConfig` in its `.cases.ts`, read from the Config rule's definition)
 * and remove it here; the suite fails when an entry listed here has verdicts, so the list only shrinks.
 */
export const AWAITING_AWS_CONFIG_VERDICTS: ReadonlySet<string> = new Set([
  "beanstalk-enhanced-health-reporting-enabled",
  "dms-auto-minor-version-upgrade-check",
  "dms-endpoint-ssl-configured",
  "dms-replication-not-public",
  "dms-replication-task-sourcedb-logging",
  "dms-replication-task-targetdb-logging",
  "ecr-private-tag-immutability-enabled",
  "ecs-container-insights-enabled",
  "elasticache-repl-grp-encrypted-at-rest",
  "elasticache-subnet-group-check",
  "guardduty-rds-protection-enabled",
  "guardduty-s3-protection-enabled",
  "lambda-function-settings-check",
  "opensearch-https-required",
  "s3-bucket-acl-prohibited",
  "waf-global-rulegroup-not-empty",
  "waf-regional-rulegroup-not-empty",
  "waf-regional-webacl-not-empty",
  "wafv2-rulegroup-logging-enabled",
]);
