// guardduty rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import guarddutyEnabledCentralized from "./guardduty-enabled-centralized";

export const rules: readonly Rule[] = [guarddutyEnabledCentralized];
