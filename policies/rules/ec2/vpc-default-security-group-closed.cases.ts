import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "no rules", input: res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", { vpcId: "vpc-1" }) }],
    violating: [{ title: "egress rule", input: res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", { vpcId: "vpc-1", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), about: "default" }],
  });
