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
  "netfw-policy-default-action-full-packets",
  "opensearch-https-required",
  "s3-bucket-acl-prohibited",
  "sagemaker-endpoint-config-prod-instance-count",
  "sagemaker-model-isolation-enabled",
  "sagemaker-notebook-instance-inside-vpc",
  "sagemaker-notebook-instance-root-access-check",
  "sagemaker-notebook-no-direct-internet-access",
  "security-account-information-provided",
  "step-functions-state-machine-logging-enabled",
  "waf-classic-logging-enabled",
  "waf-global-rule-not-empty",
  "waf-global-rulegroup-not-empty",
  "waf-global-webacl-not-empty",
  "waf-regional-rule-not-empty",
  "waf-regional-rulegroup-not-empty",
  "waf-regional-webacl-not-empty",
  "wafv2-rulegroup-logging-enabled",
  "wafv2-webacl-not-empty",
]);
