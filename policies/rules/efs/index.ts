// efs rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import efsEncryptedCheck from "./efs-encrypted-check";

export const rules: readonly Rule[] = [efsEncryptedCheck];
