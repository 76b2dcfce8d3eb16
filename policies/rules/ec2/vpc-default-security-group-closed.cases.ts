import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const VPC = "aws:ec2/vpc:Vpc";
const DSG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const VPC_URN = `urn:pulumi:test::kamae::${VPC}::main`;
const vpc = () => res(VPC, "main", { cidrBlock: "10.0.0.0/16", id: UNKNOWN });
/** The DefaultSecurityGroup of the new VPC (its vpcId unknown at preview, depending on the VPC). */
const dsg = (props: Record<string, unknown>, deps: Record<string, string[]> = {}) => res(DSG, "main-default", { vpcId: UNKNOWN, ...props }, { propertyDependencies: { vpcId: [VPC_URN], ...deps } });

const cases = ruleCases({
  compliant: [
    { title: "new VPC whose default group is managed with no rules", input: [vpc(), dsg({})] },
    { title: "computed rules the program left unset (the engine's unknown with no dependency)", input: [vpc(), dsg({ ingress: UNKNOWN, egress: UNKNOWN })] },
  ],
  violating: [
    { title: "new VPC, default group left with its default rules", input: [vpc()], about: "main" },
    { title: "managed default group with an egress rule", input: [res(DSG, "default", { vpcId: "vpc-0a1b2c3d4e5f67890", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })], about: "default" },
    {
      title: "managed default group opened by a separate ingress rule",
      input: [vpc(), dsg({}), res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https-in", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/16" }, { propertyDependencies: { securityGroupId: ["urn:pulumi:test::kamae::aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::main-default"] } })],
      about: "main-default",
    },
  ],
  notApplicable: [{ title: "no VPC created (the default VPC only looked up)", input: [res("aws:ec2/securityGroup:SecurityGroup", "web", { vpcId: "vpc-0a1b2c3d4e5f67890" })] }],
  unknown: [
    { title: "managed default group whose rules come from another resource's output", input: [vpc(), dsg({ ingress: UNKNOWN }, { ingress: ["urn:pulumi:test::kamae::pulumi:pulumi:StackReference::net"] })], about: "main-default" },
    { title: "a DefaultSecurityGroup whose VPC cannot be told", input: [vpc(), res(DSG, "other", { vpcId: UNKNOWN })], about: "main" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "new VPC whose default group is managed with no rules": "COMPLIANT",
  "computed rules the program left unset (the engine's unknown with no dependency)": "COMPLIANT",
  "new VPC, default group left with its default rules": "NON_COMPLIANT",
  "managed default group with an egress rule": "NON_COMPLIANT",
  "managed default group opened by a separate ingress rule": "NON_COMPLIANT",
  "no VPC created (the default VPC only looked up)": "NOT_APPLICABLE",
});
