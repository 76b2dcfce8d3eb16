// Amazon VPC user guide, "VPC with public and private subnets": an internet gateway, public subnets that map public
// IPv4 addresses on launch, a NAT gateway for the private subnet, and a web instance placed in a public subnet.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("app-vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
const igw = new aws.ec2.InternetGateway("app-igw", { vpcId: vpc.id });

const publicSubnet = new aws.ec2.Subnet("app-public-a", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", availabilityZone: "us-east-1a", mapPublicIpOnLaunch: true });
const privateSubnet = new aws.ec2.Subnet("app-private-a", { vpcId: vpc.id, cidrBlock: "10.0.10.0/24", availabilityZone: "us-east-1a" });

const publicRoutes = new aws.ec2.RouteTable("app-public-rt", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
new aws.ec2.RouteTableAssociation("app-public-a-rt", { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });

const natIp = new aws.ec2.Eip("app-nat-ip", { domain: "vpc" });
const nat = new aws.ec2.NatGateway("app-nat", { subnetId: publicSubnet.id, allocationId: natIp.id });
const privateRoutes = new aws.ec2.RouteTable("app-private-rt", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }] });
new aws.ec2.RouteTableAssociation("app-private-a-rt", { subnetId: privateSubnet.id, routeTableId: privateRoutes.id });

const webSg = new aws.ec2.SecurityGroup("app-web-sg", {
  vpcId: vpc.id,
  ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});

new aws.ec2.Instance("app-web", {
  ami: "ami-0fff1b9a61dec8a5f",
  instanceType: "t3.small",
  subnetId: publicSubnet.id,
  vpcSecurityGroupIds: [webSg.id],
  metadataOptions: { httpTokens: "required" },
  rootBlockDevice: { encrypted: true },
});

export const vpcId = vpc.id;
