// iam rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import iamPasswordPolicy from "./iam-password-policy";
import iamPolicyNoStatementsWithAdminAccess from "./iam-policy-no-statements-with-admin-access";
import iamPolicyNoStatementsWithFullAccess from "./iam-policy-no-statements-with-full-access";
import iamUserNoPoliciesCheck from "./iam-user-no-policies-check";
import kamaeIamNoAdminEquivalentGrants from "./kamae-iam-no-admin-equivalent-grants";

export const rules: readonly Rule[] = [iamPasswordPolicy, iamPolicyNoStatementsWithAdminAccess, iamPolicyNoStatementsWithFullAccess, iamUserNoPoliciesCheck, kamaeIamNoAdminEquivalentGrants];
