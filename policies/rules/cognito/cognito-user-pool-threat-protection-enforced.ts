// cognito-user-pool-threat-protection-enforced: Cognito user pools enforce threat protection (advanced security) for standard authentication. (FSBP Cognito.1)
// Security Hub judges this control with a rule of its own (no AWS Config managed rule).
import { at, requireIn, settingRule } from "../../judge";

export default settingRule("cognito-user-pool-threat-protection-enforced", (p) => requireIn(at(p, "userPoolAddOns.advancedSecurityMode"), ["ENFORCED"], "does not enforce threat protection: set userPoolAddOns.advancedSecurityMode ENFORCED", "OFF"));
