import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:networkfirewall/firewallPolicy:FirewallPolicy", {
  compliant: { "forward": { "firewallPolicy": { "statelessDefaultActions": ["aws:forward_to_sfe"], "statelessFragmentDefaultActions": ["aws:forward_to_sfe"] } } },
  violating: { "pass": { "firewallPolicy": { "statelessDefaultActions": ["aws:pass"], "statelessFragmentDefaultActions": ["aws:pass"] } } },
  unknown: { "unknown": { "firewallPolicy": { "statelessDefaultActions": UNKNOWN, "statelessFragmentDefaultActions": UNKNOWN } } },
});
