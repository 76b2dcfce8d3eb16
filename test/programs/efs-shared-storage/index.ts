// Amazon EFS user guide, "Creating file systems" and "Access points": encryption at rest, mount targets in two subnets
// with an NFS security group reachable only from the VPC, an access point for the application user.
import * as aws from "@pulumi/aws";

const subnets = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];
const fs = new aws.efs.FileSystem("shared", { encrypted: true, performanceMode: "generalPurpose", throughputMode: "elastic" });
const nfs = new aws.ec2.SecurityGroup("efs-nfs", {
  vpcId: "vpc-0a1b2c3d4e5f67890",
  ingress: [{ protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: ["10.0.0.0/16"] }],
});
subnets.forEach((subnetId, i) => new aws.efs.MountTarget(`shared-${i}`, { fileSystemId: fs.id, subnetId, securityGroups: [nfs.id] }));
new aws.efs.AccessPoint("app", {
  fileSystemId: fs.id,
  posixUser: { uid: 1000, gid: 1000 },
  rootDirectory: { path: "/app", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" } },
});
new aws.efs.BackupPolicy("shared-backup", { fileSystemId: fs.id, backupPolicy: { status: "ENABLED" } });
