// cognito rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cognitoUserPoolThreatProtectionEnforced from "./cognito-user-pool-threat-protection-enforced";

export const rules: readonly Rule[] = [cognitoUserPoolThreatProtectionEnforced];
