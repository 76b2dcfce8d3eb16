// Pulumi's "Get started with AWS" web server: an Amazon Linux 2023 instance from the AMI lookup, a security group
// open on port 80 to the world, a user-data script that serves a page.
import * as aws from "@pulumi/aws";

const ami = aws.ec2.getAmiOutput({
  owners: ["amazon"],
  mostRecent: true,
  filters: [{ name: "name", values: ["al2023-ami-2023.*-x86_64"] }],
});

const group = new aws.ec2.SecurityGroup("web-secgrp", {
  description: "Enable HTTP access",
  ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});

const server = new aws.ec2.Instance("web-server", {
  instanceType: "t3.micro",
  vpcSecurityGroupIds: [group.id],
  ami: ami.id,
  userData: `#!/bin/bash
echo "Hello, World!" > index.html
nohup python3 -m http.server 80 &`,
  userDataReplaceOnChange: true,
  tags: { Name: "web-server" },
});

export const publicIp = server.publicIp;
export const publicHostName = server.publicDns;
