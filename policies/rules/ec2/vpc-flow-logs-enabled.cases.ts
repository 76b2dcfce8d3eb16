import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "flow log whose VPC cannot be told", input: [res("aws:ec2/vpc:Vpc", "main", { arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1" }), res("aws:ec2/flowLog:FlowLog", "some-flow", { vpcId: UNKNOWN })], about: "main" },],
    compliant: [
    { title: "flow log naming a new VPC, known by dependency", input: [res("aws:ec2/vpc:Vpc", "main", { id: UNKNOWN }), res("aws:ec2/flowLog:FlowLog", "main-flow", { vpcId: UNKNOWN }, { propertyDependencies: { vpcId: ["urn:pulumi:test::kamae::aws:ec2/vpc:Vpc::main"] } })] },{ title: "flow log by vpc id", input: [res("aws:ec2/vpc:Vpc", "main", { id: "vpc-1", arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1" }), res("aws:ec2/flowLog:FlowLog", "main-flow", { vpcId: "vpc-1", trafficType: "ALL" })] }],
    violating: [{ title: "no flow log", input: [res("aws:ec2/vpc:Vpc", "main", { arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1" }), res("aws:ec2/flowLog:FlowLog", "other", { vpcId: "vpc-2" })], about: "main" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "flow log by vpc id": "COMPLIANT",
  "no flow log": "NON_COMPLIANT",
});
