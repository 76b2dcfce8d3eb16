// Amazon VPC user guide, "Default security groups for your VPCs" and "Publish flow logs to CloudWatch Logs": a new VPC
// (its default security group keeps the default allow-all-within-group rules), with a flow log and its role.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const vpc = new aws.ec2.Vpc("services", { cidrBlock: "10.40.0.0/16" });
const key = new aws.kms.Key("flow-logs-key", { enableKeyRotation: true });
const flowLogs = new aws.cloudwatch.LogGroup("services-flow-logs", { retentionInDays: 90, kmsKeyId: key.arn });
const role = new aws.iam.Role("flow-logs-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "vpc-flow-logs.amazonaws.com" }) });
new aws.iam.RolePolicy("flow-logs-write", {
  role: role.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource: pulumi.interpolate`${flowLogs.arn}:*` }],
  }),
});
new aws.ec2.FlowLog("services-flow-log", { vpcId: vpc.id, trafficType: "ALL", logDestination: flowLogs.arn, iamRoleArn: role.arn });

export const vpcId = vpc.id;
