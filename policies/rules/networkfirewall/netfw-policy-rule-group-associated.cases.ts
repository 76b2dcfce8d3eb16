import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:networkfirewall/firewallPolicy:FirewallPolicy", {
  compliant: { "stateful group": { "firewallPolicy": { "statelessDefaultActions": ["aws:forward_to_sfe"], "statelessFragmentDefaultActions": ["aws:forward_to_sfe"], "statefulRuleGroupReferences": [{ "resourceArn": "arn:aws:network-firewall:us-east-1:123456789012:stateful-rulegroup/g" }] } } },
  violating: { "no groups": { "firewallPolicy": { "statelessDefaultActions": ["aws:drop"], "statelessFragmentDefaultActions": ["aws:drop"] } } },
  unknown: { "references unknown": { "firewallPolicy": { "statelessDefaultActions": ["aws:drop"], "statelessFragmentDefaultActions": ["aws:drop"], "statefulRuleGroupReferences": UNKNOWN } } },
});
