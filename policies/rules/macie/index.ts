// macie rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import macieStatusCheck from "./macie-status-check";

export const rules: readonly Rule[] = [macieStatusCheck];
