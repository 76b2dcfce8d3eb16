// Elastic Load Balancing guide ("HTTPS listeners", "Access logs") and the WAF developer guide ("Associating a web ACL"):
// an ALB with an HTTPS listener, a redirecting HTTP listener, access logs to an SSE-S3 log bucket, the AWS managed
// common rule set, and WAF logging to CloudWatch Logs.
import * as aws from "@pulumi/aws";

const subnets = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];
const logBucket = new aws.s3.Bucket("alb-access-logs");
new aws.s3.BucketServerSideEncryptionConfiguration("alb-access-logs-sse", { bucket: logBucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
new aws.s3.BucketPolicy("alb-access-logs-policy", {
  bucket: logBucket.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      { principals: [{ type: "AWS", identifiers: [aws.elb.getServiceAccountOutput().arn] }], actions: ["s3:PutObject"], resources: [logBucket.arn.apply((a) => `${a}/*`)] },
      { effect: "Deny", principals: [{ type: "*", identifiers: ["*"] }], actions: ["s3:*"], resources: [logBucket.arn, logBucket.arn.apply((a) => `${a}/*`)], conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] },
    ],
  }).json,
});

const sg = new aws.ec2.SecurityGroup("shop-alb-sg", {
  vpcId: "vpc-0a1b2c3d4e5f67890",
  ingress: [80, 443].map((port) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"] })),
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }],
});
const alb = new aws.lb.LoadBalancer("shop-alb", {
  loadBalancerType: "application",
  subnets,
  securityGroups: [sg.id],
  dropInvalidHeaderFields: true,
  accessLogs: { bucket: logBucket.bucket, enabled: true, prefix: "shop" },
});
const tg = new aws.lb.TargetGroup("shop-tg", { port: 8080, protocol: "HTTP", vpcId: "vpc-0a1b2c3d4e5f67890", targetType: "ip" });
new aws.lb.Listener("shop-https", {
  loadBalancerArn: alb.arn,
  port: 443,
  protocol: "HTTPS",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
  defaultActions: [{ type: "forward", targetGroupArn: tg.arn }],
});
new aws.lb.Listener("shop-http", {
  loadBalancerArn: alb.arn,
  port: 80,
  protocol: "HTTP",
  defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
});

const acl = new aws.wafv2.WebAcl("shop-acl", {
  scope: "REGIONAL",
  defaultAction: { allow: {} },
  rules: [
    {
      name: "common",
      priority: 0,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "common", sampledRequestsEnabled: true },
    },
  ],
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "shop-acl", sampledRequestsEnabled: true },
});
new aws.wafv2.WebAclAssociation("shop-acl-alb", { resourceArn: alb.arn, webAclArn: acl.arn });
const wafLogs = new aws.cloudwatch.LogGroup("aws-waf-logs-shop", { name: "aws-waf-logs-shop", retentionInDays: 90 });
new aws.wafv2.WebAclLoggingConfiguration("shop-acl-logging", { resourceArn: acl.arn, logDestinationConfigs: [wafLogs.arn] });

export const dns = alb.dnsName;
