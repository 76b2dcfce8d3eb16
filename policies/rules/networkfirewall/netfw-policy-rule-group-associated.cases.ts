import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:networkfirewall/firewallPolicy:FirewallPolicy", {
  compliant: { "stateful group": { "firewallPolicy": { "statelessDefaultActions": ["aws:forward_to_sfe"], "statelessFragmentDefaultActions": ["aws:forward_to_sfe"], "statefulRuleGroupReferences": [{ "resourceArn": "arn:aws:network-firewall:us-east-1:123456789012:stateful-rulegroup/g" }] } } },
  violating: { "no groups": { "firewallPolicy": { "statelessDefaultActions": ["aws:drop"], "statelessFragmentDefaultActions": ["aws:drop"] } } },
  unknown: { "references unknown": { "firewallPolicy": { "statelessDefaultActions": ["aws:drop"], "statelessFragmentDefaultActions": ["aws:drop"], "statefulRuleGroupReferences": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "stateful group": "COMPLIANT",
  "no groups": "NON_COMPLIANT",
});
