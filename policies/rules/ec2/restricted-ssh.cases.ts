import { INGRESS, judgedByAwsConfig, res, ruleCases, sg, SG_RULE, UNKNOWN, world } from "../cases";

const cases = ruleCases({
    compliant: [
      { title: "SSH from a private range", input: sg("web", [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }]) },
      { title: "HTTPS from the world", input: sg("web", [world(443)]) },
      { title: "separate rule from a security group", input: res(SG_RULE, "r", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, sourceSecurityGroupId: "sg-1", securityGroupId: "sg-2" }) },
    ],
    violating: [
      { title: "inline 22 from 0.0.0.0/0", input: sg("web", [world(22)]), about: "web" },
      { title: "ec2.SecurityGroupRule range covering 22 from ::/0", input: res(SG_RULE, "r", { type: "ingress", protocol: "tcp", fromPort: 0, toPort: 1024, ipv6CidrBlocks: ["::/0"], securityGroupId: "sg-1" }), about: "r" },
      { title: "vpc.SecurityGroupIngressRule all traffic", input: res(INGRESS, "r", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-1" }), about: "r" },
    ],
    unknown: [
      { title: "unknown CIDR on port 22 in preview", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: UNKNOWN, securityGroupId: "sg-2" }), about: "r" },
      { title: "unknown ports, world-open", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-2" }), about: "r" },
      { title: "ec2.SecurityGroupRule on 22 from ::/0 whose direction is unknown (it may be ingress)", input: res(SG_RULE, "r", { type: UNKNOWN, protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"], securityGroupId: "sg-1" }), about: "r" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "SSH from a private range": "COMPLIANT",
  "HTTPS from the world": "COMPLIANT",
  "separate rule from a security group": "COMPLIANT",
  "inline 22 from 0.0.0.0/0": "NON_COMPLIANT",
  "ec2.SecurityGroupRule range covering 22 from ::/0": "NON_COMPLIANT",
  "vpc.SecurityGroupIngressRule all traffic": "NON_COMPLIANT",
});
