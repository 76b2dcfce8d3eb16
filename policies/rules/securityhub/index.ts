// securityhub rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import securityhubEnabled from "./securityhub-enabled";

export const rules: readonly Rule[] = [securityhubEnabled];
