// waf rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import wafv2LoggingEnabled from "./wafv2-logging-enabled";

export const rules: readonly Rule[] = [wafv2LoggingEnabled];
