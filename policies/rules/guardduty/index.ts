// guardduty rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import guarddutyEnabledCentralized from "./guardduty-enabled-centralized";
import guarddutyRdsProtectionEnabled from "./guardduty-rds-protection-enabled";
import guarddutyS3ProtectionEnabled from "./guardduty-s3-protection-enabled";

export const rules: readonly Rule[] = [guarddutyEnabledCentralized, guarddutyRdsProtectionEnabled, guarddutyS3ProtectionEnabled];
