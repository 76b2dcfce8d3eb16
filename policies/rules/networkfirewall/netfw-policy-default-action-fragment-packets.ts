// netfw-policy-default-action-fragment-packets: Network Firewall policies drop or forward fragmented packets by default. (FSBP NetworkFirewall.5)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("netfw-policy-default-action-fragment-packets", (p) => {
  const actions = p.firewallPolicy?.statelessFragmentDefaultActions;
  if (isUnknown(p.firewallPolicy) || isUnknown(actions) || asArray(actions).some(isUnknown)) return UNKNOWN;
  return asArray(actions).some((a) => a === "aws:drop" || a === "aws:forward_to_sfe") ? undefined : "passes fragmented packets by default: set firewallPolicy.statelessFragmentDefaultActions to aws:drop or aws:forward_to_sfe";
});
