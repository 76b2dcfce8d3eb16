import { INSTANCE, judgedByAwsConfig, LT, res, ruleCases, UNKNOWN } from "../cases";

const SUBNET = "aws:ec2/subnet:Subnet";
const EIP = "aws:ec2/eip:Eip";
const subnet = (name: string, props: Record<string, unknown>) => res(SUBNET, name, { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24", ...props });
/** An instance placed (at preview) in a subnet the stack creates: its subnetId is unknown and depends on the subnet. */
const inSubnet = (name: string, subnetName: string, props: Record<string, unknown> = {}) =>
  res(INSTANCE, name, { subnetId: UNKNOWN, ...props }, { propertyDependencies: { subnetId: [`urn:pulumi:test::kamae::${SUBNET}::${subnetName}`] } });

const cases = ruleCases({
  compliant: [
    { title: "private instance", input: [res(INSTANCE, "i", { subnetId: "subnet-0aaa1111bbbb2222c", associatePublicIpAddress: false })] },
    { title: "in a subnet of the stack that maps no public addresses", input: [subnet("private", {}), inSubnet("i", "private")] },
    { title: "public subnet, but the instance declines the address", input: [subnet("public", { mapPublicIpOnLaunch: true }), inSubnet("i", "public", { associatePublicIpAddress: false })] },
    { title: "launch template private ENI", input: [res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: "false" }] })] },
  ],
  violating: [
    { title: "instance asks for a public address", input: [res(INSTANCE, "i", { subnetId: "subnet-0aaa1111bbbb2222c", associatePublicIpAddress: true })], about: "i" },
    { title: "subnet maps public addresses on launch", input: [subnet("public", { mapPublicIpOnLaunch: true }), inSubnet("i", "public")], about: "i" },
    { title: "no subnet: a default subnet assigns a public address", input: [res(INSTANCE, "i", { instanceType: "t3.micro" })], about: "i" },
    {
      title: "Elastic IP attached to a private instance",
      input: [res(INSTANCE, "i", { subnetId: "subnet-0aaa1111bbbb2222c", associatePublicIpAddress: false }), res(EIP, "ip", { domain: "vpc", instance: UNKNOWN }, { propertyDependencies: { instance: [`urn:pulumi:test::kamae::${INSTANCE}::i`] } })],
      about: "i",
    },
    {
      title: "Elastic IP associated separately",
      input: [res(INSTANCE, "i", { subnetId: "subnet-0aaa1111bbbb2222c", associatePublicIpAddress: false }), res("aws:ec2/eipAssociation:EipAssociation", "assoc", { instanceId: UNKNOWN, allocationId: "eipalloc-0abc1234" }, { propertyDependencies: { instanceId: [`urn:pulumi:test::kamae::${INSTANCE}::i`] } })],
      about: "i",
    },
    { title: "launch template public ENI", input: [res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: "true" }] })], about: "lt" },
  ],
  notApplicable: [{ title: "a public subnet with no instance", input: [subnet("public", { mapPublicIpOnLaunch: true })] }],
  unknown: [
    { title: "launch template whose network interfaces are unknown", input: [res(LT, "lt", { networkInterfaces: UNKNOWN })], about: "lt", says: "associatePublicIpAddress" },
    { title: "launch template interface asking for a public address unknown", input: [res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: UNKNOWN }] })], about: "lt" },
    { title: "a subnet the stack does not declare", input: [res(INSTANCE, "i", { subnetId: "subnet-0aaa1111bbbb2222c" })], about: "i" },
    { title: "the subnet's mapPublicIpOnLaunch unknown", input: [subnet("public", { mapPublicIpOnLaunch: UNKNOWN }), inSubnet("i", "public")], about: "i" },
    { title: "associatePublicIpAddress from another resource's output", input: [res(INSTANCE, "i", { subnetId: "subnet-0aaa1111bbbb2222c", associatePublicIpAddress: UNKNOWN }, { propertyDependencies: { associatePublicIpAddress: ["urn:pulumi:test::kamae::pulumi:pulumi:StackReference::net"] } })], about: "i" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "private instance": "COMPLIANT",
  "in a subnet of the stack that maps no public addresses": "COMPLIANT",
  "public subnet, but the instance declines the address": "COMPLIANT",
  "subnet maps public addresses on launch": "NON_COMPLIANT",
  "Elastic IP attached to a private instance": "NON_COMPLIANT",
  "Elastic IP associated separately": "NON_COMPLIANT",
  "launch template private ENI": "COMPLIANT",
  "instance asks for a public address": "NON_COMPLIANT",
  "no subnet: a default subnet assigns a public address": "NON_COMPLIANT",
  "launch template public ENI": "NON_COMPLIANT",
  "a public subnet with no instance": "NOT_APPLICABLE",
});
