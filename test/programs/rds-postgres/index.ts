// Amazon RDS user guide "Creating a PostgreSQL DB instance" as Pulumi code: a VPC with two private subnets, a subnet
// group, a security group admitting PostgreSQL from the VPC only, an encrypted instance, a generated password.
import * as aws from "@pulumi/aws";
import * as random from "@pulumi/random";

const vpc = new aws.ec2.Vpc("db-vpc", { cidrBlock: "10.20.0.0/16", enableDnsHostnames: true });
new aws.ec2.FlowLog("db-vpc-flows", { vpcId: vpc.id, trafficType: "REJECT", logDestinationType: "s3", logDestination: "arn:aws:s3:::central-flow-logs-123456789012" });
new aws.ec2.DefaultSecurityGroup("db-vpc-default", { vpcId: vpc.id });
const subnets = ["us-east-1a", "us-east-1b"].map(
  (az, i) => new aws.ec2.Subnet(`db-private-${i}`, { vpcId: vpc.id, cidrBlock: `10.20.${i}.0/24`, availabilityZone: az }),
);
const subnetGroup = new aws.rds.SubnetGroup("db-subnets", { subnetIds: subnets.map((s) => s.id) });

const dbSg = new aws.ec2.SecurityGroup("db-sg", {
  vpcId: vpc.id,
  ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.20.0.0/16"] }],
});

const password = new random.RandomPassword("db-password", { length: 24, special: false });

const db = new aws.rds.Instance("orders-db", {
  engine: "postgres",
  engineVersion: "16.4",
  instanceClass: "db.t4g.micro",
  allocatedStorage: 20,
  dbName: "orders",
  username: "orders_admin",
  password: password.result,
  dbSubnetGroupName: subnetGroup.name,
  vpcSecurityGroupIds: [dbSg.id],
  storageEncrypted: true,
  backupRetentionPeriod: 7,
  skipFinalSnapshot: true,
});

export const endpoint = db.endpoint;
