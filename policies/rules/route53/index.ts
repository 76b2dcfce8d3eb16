// route53 rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import route53QueryLoggingEnabled from "./route53-query-logging-enabled";

export const rules: readonly Rule[] = [route53QueryLoggingEnabled];
