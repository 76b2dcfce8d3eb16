// netfw-policy-default-action-full-packets: Network Firewall policies drop or forward full packets by default. (FSBP NetworkFirewall.4)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("netfw-policy-default-action-full-packets", (p) => {
  const actions = p.firewallPolicy?.statelessDefaultActions;
  if (isUnknown(p.firewallPolicy) || isUnknown(actions) || asArray(actions).some(isUnknown)) return UNKNOWN;
  return asArray(actions).some((a) => a === "aws:drop" || a === "aws:forward_to_sfe") ? undefined : "passes full packets by default: set firewallPolicy.statelessDefaultActions to aws:drop or aws:forward_to_sfe";
});
