// Pulumi docs for aws.ec2.getVpc and the resource get functions: the program reads the default VPC, its subnets and an
// existing security group, and creates only a launch template and an encrypted volume that use them.
import * as aws from "@pulumi/aws";

const vpc = aws.ec2.Vpc.get("default-vpc", "vpc-0a1b2c3d4e5f67890");
const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
const shared = aws.ec2.SecurityGroup.get("shared-sg", "sg-0123456789abcdef0");

const template = new aws.ec2.LaunchTemplate("batch-template", {
  imageId: "ami-0fff1b9a61dec8a5f",
  instanceType: "c7g.large",
  vpcSecurityGroupIds: [shared.id],
  metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
  iamInstanceProfile: { name: "batch-worker" },
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 30 } }],
});

new aws.ebs.Volume("scratch", { availabilityZone: "us-east-1a", size: 100, encrypted: true, type: "gp3" });

export const subnetIds = subnets.ids;
export const templateId = template.id;
