// cognito-user-pool-advanced-security-enabled: Cognito user pools enforce threat protection (advanced security) for standard authentication. (FSBP Cognito.1)
import { at, requireIn, settingRule } from "../../judge";

export default settingRule("cognito-user-pool-advanced-security-enabled", (p) => requireIn(at(p, "userPoolAddOns.advancedSecurityMode"), ["ENFORCED"], "does not enforce threat protection: set userPoolAddOns.advancedSecurityMode ENFORCED", "OFF"));
