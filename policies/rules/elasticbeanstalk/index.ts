// elasticbeanstalk rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import beanstalkEnhancedHealthReportingEnabled from "./beanstalk-enhanced-health-reporting-enabled";
import elasticBeanstalkLogsToCloudwatch from "./elastic-beanstalk-logs-to-cloudwatch";

export const rules: readonly Rule[] = [beanstalkEnhancedHealthReportingEnabled, elasticBeanstalkLogsToCloudwatch];
