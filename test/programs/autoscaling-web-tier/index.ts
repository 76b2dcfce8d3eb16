// Amazon EC2 Auto Scaling user guide, "Create a launch template for an Auto Scaling group" and "Attach a load balancer
// target group": IMDSv2 required, encrypted root volume, an instance profile for SSM, instances in private subnets.
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("web-instance-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ec2.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("web-instance-ssm", { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" });
const profile = new aws.iam.InstanceProfile("web-instance-profile", { role: role.name });

const ami = aws.ec2.getAmiOutput({ owners: ["amazon"], mostRecent: true, filters: [{ name: "name", values: ["al2023-ami-2023.*-arm64"] }] });
const sg = new aws.ec2.SecurityGroup("web-tier-sg", {
  vpcId: "vpc-0a1b2c3d4e5f67890",
  ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});
const template = new aws.ec2.LaunchTemplate("web-tier", {
  imageId: ami.id,
  instanceType: "m7g.medium",
  vpcSecurityGroupIds: [sg.id],
  iamInstanceProfile: { arn: profile.arn },
  metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20, volumeType: "gp3" } }],
});
const tg = new aws.lb.TargetGroup("web-tier-tg", { port: 8080, protocol: "HTTP", vpcId: "vpc-0a1b2c3d4e5f67890" });
new aws.autoscaling.Group("web-tier", {
  minSize: 2,
  maxSize: 6,
  vpcZoneIdentifiers: ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"],
  launchTemplate: { id: template.id, version: "$Latest" },
  targetGroupArns: [tg.arn],
  healthCheckType: "ELB",
});
