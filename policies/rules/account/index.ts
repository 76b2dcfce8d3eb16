// account rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import securityAccountInformationProvided from "./security-account-information-provided";

export const rules: readonly Rule[] = [securityAccountInformationProvided];
