// emr rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import emrBlockPublicAccess from "./emr-block-public-access";

export const rules: readonly Rule[] = [emrBlockPublicAccess];
