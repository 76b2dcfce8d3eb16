import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const RULE = "aws:ec2/networkAclRule:NetworkAclRule";
const entry = (protocol: string, fromPort: number, toPort: number, more: Record<string, unknown> = {}) => ({ vpcId: "vpc-1", ingress: [{ ruleNo: 100, action: "allow", protocol, cidrBlock: "0.0.0.0/0", fromPort, toPort, ...more }] });
const ruleEntry = (more: Record<string, unknown>): [string, Record<string, unknown>] => [RULE, { networkAclId: "acl-1", ruleNumber: 100, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22, ...more }];
const HTTPS = { ruleNo: 90, action: "allow", protocol: "tcp", cidrBlock: "0.0.0.0/0", fromPort: 443, toPort: 443 };

const cases = settingCases("aws:ec2/networkAcl:NetworkAcl", {
  compliant: { "SSH from the VPN range": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": "10.8.0.0/16", "fromPort": 22, "toPort": 22 }] }, "HTTPS from anywhere": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": "0.0.0.0/0", "fromPort": 443, "toPort": 443 }] },
    "ports 23 to 3388 from anywhere (neither 22 nor 3389)": entry("tcp", 23, 3388),
    "egress rule to port 22 anywhere (only inbound entries count)": ruleEntry({ egress: true }),
  },
  violating: { "RDP from anywhere": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": "0.0.0.0/0", "fromPort": 3389, "toPort": 3389 }] }, "all traffic": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "-1", "cidrBlock": "0.0.0.0/0", "fromPort": 0, "toPort": 0 }] },
    "SSH from anywhere over IPv6 (::/0)": entry("tcp", 22, 22, { cidrBlock: undefined, ipv6CidrBlock: "::/0" }),
    "protocol given as \"all\"": entry("all", 0, 0),
    "TCP given by number (6), ports 21 to 23": entry("6", 21, 23),
    "UDP given by number (17), port 3389": entry("17", 3389, 3389),
    "UDP, every port": entry("udp", 0, 65535),
    "HTTPS, then SSH from anywhere": { vpcId: "vpc-1", ingress: [HTTPS, entry("tcp", 22, 22).ingress[0]] },
    "separate ingress rule for SSH from anywhere (egress unset)": ruleEntry({}),
    "separate ingress rule for RDP from anywhere (egress false)": ruleEntry({ egress: false, fromPort: 3389, toPort: 3389 }),
  },
  notApplicable: { "deny entry": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "deny", "protocol": "tcp", "cidrBlock": "0.0.0.0/0", "fromPort": 22, "toPort": 22 }] } },
  unknown: { "CIDR unknown": { "vpcId": "vpc-1", "ingress": [{ "ruleNo": 100, "action": "allow", "protocol": "tcp", "cidrBlock": UNKNOWN, "fromPort": 22, "toPort": 22 }] },
    "HTTPS from anywhere, then an entry whose CIDR is unknown": { vpcId: "vpc-1", ingress: [HTTPS, entry("tcp", 22, 22, { cidrBlock: UNKNOWN }).ingress[0]] },
    "separate rule whose port is unknown": ruleEntry({ fromPort: UNKNOWN, toPort: UNKNOWN }),
  },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "SSH from the VPN range": "COMPLIANT",
  "HTTPS from anywhere": "COMPLIANT",
  "RDP from anywhere": "NON_COMPLIANT",
  "all traffic": "NON_COMPLIANT",
  "deny entry": "COMPLIANT",
  "ports 23 to 3388 from anywhere (neither 22 nor 3389)": "COMPLIANT",
  "egress rule to port 22 anywhere (only inbound entries count)": "COMPLIANT",
  "SSH from anywhere over IPv6 (::/0)": "NON_COMPLIANT",
  "protocol given as \"all\"": "NON_COMPLIANT",
  "TCP given by number (6), ports 21 to 23": "NON_COMPLIANT",
  "UDP given by number (17), port 3389": "NON_COMPLIANT",
  "UDP, every port": "NON_COMPLIANT",
  "HTTPS, then SSH from anywhere": "NON_COMPLIANT",
  "separate ingress rule for SSH from anywhere (egress unset)": "NON_COMPLIANT",
  "separate ingress rule for RDP from anywhere (egress false)": "NON_COMPLIANT",
});
