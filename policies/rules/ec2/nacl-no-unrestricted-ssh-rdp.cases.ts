import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2/networkAcl:NetworkAcl", {
  compliant: { "SSH from the VPN range": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": "10.8.0.0/16", "fromPort": 22, "toPort": 22 }] }, "HTTPS from anywhere": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": "0.0.0.0/0", "fromPort": 443, "toPort": 443 }] } },
  violating: { "RDP from anywhere": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": "0.0.0.0/0", "fromPort": 3389, "toPort": 3389 }] }, "all traffic": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "-1", "cidrBlock": "0.0.0.0/0", "fromPort": 0, "toPort": 0 }] } },
  notApplicable: { "deny entry": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "deny", "protocol": "tcp", "cidrBlock": "0.0.0.0/0", "fromPort": 22, "toPort": 22 }] } },
  unknown: { "CIDR unknown": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": UNKNOWN, "fromPort": 22, "toPort": 22 }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "SSH from the VPN range": "COMPLIANT",
  "HTTPS from anywhere": "COMPLIANT",
  "RDP from anywhere": "NON_COMPLIANT",
  "all traffic": "NON_COMPLIANT",
  "deny entry": "COMPLIANT",
});
