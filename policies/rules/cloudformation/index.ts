// cloudformation rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cloudformationStackNotificationCheck from "./cloudformation-stack-notification-check";

export const rules: readonly Rule[] = [cloudformationStackNotificationCheck];
