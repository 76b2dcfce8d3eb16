/**
 * Catalog entries whose cases do not carry the AWS Config rule's verdicts yet (test/policies/aws-config-agreement.test.ts).
 * Give an entry's cases their verdicts (`judgedByAwsConfig` in its `.cases.ts`, read from the Config rule's definition)
 * and remove it here; the suite fails when an entry listed here has verdicts, so the list only shrinks. Those left
 * depend on an AWS default or a Config rule detail not settled from the documentation at hand: the DMS defaults
 * (publiclyAccessible, autoMinorVersionUpgrade, sslMode), Beanstalk's default health reporting, the newer values
 * IMMUTABLE_WITH_EXCLUSION and containerInsights "enhanced", ElastiCache Valkey's default encryption, GuardDuty's
 * protection plans on by default, OpenSearch's endpoint defaults, the S3 ACL rule's reading of a private ACL, and the
 * resource type of the WAFv2 rule-group rule.
 */
export const AWAITING_AWS_CONFIG_VERDICTS: ReadonlySet<string> = new Set([
  "beanstalk-enhanced-health-reporting-enabled",
  "dms-auto-minor-version-upgrade-check",
  "dms-endpoint-ssl-configured",
  "dms-replication-not-public",
  "ecr-private-tag-immutability-enabled",
  "ecs-container-insights-enabled",
  "elasticache-repl-grp-encrypted-at-rest",
  "elasticache-subnet-group-check",
  "guardduty-rds-protection-enabled",
  "guardduty-s3-protection-enabled",
  "opensearch-https-required",
  "s3-bucket-acl-prohibited",
  "wafv2-rulegroup-logging-enabled",
]);
