// cloudtrail rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cloudTrailCloudWatchLogsEnabled from "./cloud-trail-cloud-watch-logs-enabled";
import cloudTrailEncryptionEnabled from "./cloud-trail-encryption-enabled";
import cloudTrailLogFileValidationEnabled from "./cloud-trail-log-file-validation-enabled";
import cloudtrailEnabled from "./cloudtrail-enabled";
import multiRegionCloudtrailEnabled from "./multi-region-cloudtrail-enabled";

export const rules: readonly Rule[] = [cloudTrailCloudWatchLogsEnabled, cloudTrailEncryptionEnabled, cloudTrailLogFileValidationEnabled, cloudtrailEnabled, multiRegionCloudtrailEnabled];
