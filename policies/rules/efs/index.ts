// efs rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import efsAccessPointEnforceRootDirectory from "./efs-access-point-enforce-root-directory";
import efsAccessPointEnforceUserIdentity from "./efs-access-point-enforce-user-identity";
import efsEncryptedCheck from "./efs-encrypted-check";

export const rules: readonly Rule[] = [efsAccessPointEnforceRootDirectory, efsAccessPointEnforceUserIdentity, efsEncryptedCheck];
