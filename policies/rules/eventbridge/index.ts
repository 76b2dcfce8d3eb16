// eventbridge rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import customEventbusPolicyAttached from "./custom-eventbus-policy-attached";

export const rules: readonly Rule[] = [customEventbusPolicyAttached];
