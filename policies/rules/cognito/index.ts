// cognito rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cognitoUserPoolAdvancedSecurityEnabled from "./cognito-user-pool-advanced-security-enabled";

export const rules: readonly Rule[] = [cognitoUserPoolAdvancedSecurityEnabled];
