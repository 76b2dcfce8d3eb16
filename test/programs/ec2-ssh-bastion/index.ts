// A bastion host as many tutorials build it: SSH open to the world, a key pair, an Elastic IP, the default VPC looked
// up (never created or changed by this program).
import * as aws from "@pulumi/aws";

const vpc = aws.ec2.getVpcOutput({ default: true });

const sg = new aws.ec2.SecurityGroup("bastion-sg", {
  vpcId: vpc.id,
  description: "SSH from anywhere",
  ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});

const key = new aws.ec2.KeyPair("bastion-key", {
  publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGcxhZ5cXj3Fv0i0Zb8zT8kP0ZpW1l8o0o0o0o0o0o0o ops@example.com",
});

const bastion = new aws.ec2.Instance("bastion", {
  ami: aws.ssm.getParameterOutput({ name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }).value,
  instanceType: "t3.nano",
  keyName: key.keyName,
  vpcSecurityGroupIds: [sg.id],
  metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
  rootBlockDevice: { encrypted: true, volumeSize: 8 },
  tags: { Name: "bastion" },
});

const eip = new aws.ec2.Eip("bastion-eip", { domain: "vpc", instance: bastion.id });

export const address = eip.publicIp;
