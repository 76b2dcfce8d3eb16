// Catalog entries of the elasticbeanstalk rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "beanstalk-enhanced-health-reporting-enabled",
    awsConfigIdentifier: "BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED",
    fsbp: ["ElasticBeanstalk.1"],
    severity: "low",
    enforcement: "advisory",
    description: "Elastic Beanstalk environments have enhanced health reporting.",
    remediation: "Add the setting `aws:elasticbeanstalk:healthreporting:system` / `SystemType` = `enhanced`.",
    resourceTypes: ["aws:elasticbeanstalk/environment:Environment"],
    preview: "resource",
  },
  {
    id: "elastic-beanstalk-logs-to-cloudwatch",
    awsConfigIdentifier: "ELASTIC_BEANSTALK_LOGS_TO_CLOUDWATCH",
    fsbp: ["ElasticBeanstalk.3"],
    severity: "high",
    enforcement: "advisory",
    description: "Elastic Beanstalk environments stream their logs to CloudWatch Logs.",
    remediation: "Add the setting `aws:elasticbeanstalk:cloudwatch:logs` / `StreamLogs` = `true`.",
    resourceTypes: ["aws:elasticbeanstalk/environment:Environment"],
    preview: "resource",
  },
];
