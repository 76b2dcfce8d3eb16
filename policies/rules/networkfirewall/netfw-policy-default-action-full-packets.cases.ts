import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:networkfirewall/firewallPolicy:FirewallPolicy", {
  compliant: { "forward": { "firewallPolicy": { "statelessDefaultActions": ["aws:forward_to_sfe"], "statelessFragmentDefaultActions": ["aws:forward_to_sfe"] } } },
  violating: { "pass": { "firewallPolicy": { "statelessDefaultActions": ["aws:pass"], "statelessFragmentDefaultActions": ["aws:pass"] } } },
  unknown: { "unknown": { "firewallPolicy": { "statelessDefaultActions": UNKNOWN, "statelessFragmentDefaultActions": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "forward": "COMPLIANT",
  "pass": "NON_COMPLIANT",
});
