// cloudwatch rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cloudwatchLogGroupEncrypted from "./cloudwatch-log-group-encrypted";
import cwLoggroupRetentionPeriodCheck from "./cw-loggroup-retention-period-check";

export const rules: readonly Rule[] = [cloudwatchLogGroupEncrypted, cwLoggroupRetentionPeriodCheck];
