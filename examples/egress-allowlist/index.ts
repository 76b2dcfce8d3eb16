import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// DNS queries from the VPC are allowed for the agent vendor, the AWS services the workload uses and your own domains;
// everything else is logged ("alert") until you switch to "block".
const config = new pulumi.Config();

const egress = new kamae.EgressAllowlist("egress", {
  vpcIds: { workload: config.require("vpcId") },
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  allowedDomains: ["example.com", "*.example.com"],
  awsServices: ["ssm", "ssmmessages", "ec2messages", "s3", "kms", "logs", "sts"],
});

export const allowedDomains = egress.allowedDomains;
export const queryLogGroupName = egress.queryLogGroupName;
