// networkfirewall rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import netfwDeletionProtectionEnabled from "./netfw-deletion-protection-enabled";
import netfwPolicyDefaultActionFragmentPackets from "./netfw-policy-default-action-fragment-packets";
import netfwPolicyDefaultActionFullPackets from "./netfw-policy-default-action-full-packets";
import netfwPolicyRuleGroupAssociated from "./netfw-policy-rule-group-associated";
import netfwStatelessRuleGroupNotEmpty from "./netfw-stateless-rule-group-not-empty";

export const rules: readonly Rule[] = [netfwDeletionProtectionEnabled, netfwPolicyDefaultActionFragmentPackets, netfwPolicyDefaultActionFullPackets, netfwPolicyRuleGroupAssociated, netfwStatelessRuleGroupNotEmpty];
