// elb rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import albHttpToHttpsRedirectionCheck from "./alb-http-to-https-redirection-check";
import albWafEnabled from "./alb-waf-enabled";
import elbLoggingEnabled from "./elb-logging-enabled";

export const rules: readonly Rule[] = [albHttpToHttpsRedirectionCheck, albWafEnabled, elbLoggingEnabled];
