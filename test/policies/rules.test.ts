import { strict as assert } from "node:assert";
import { catalog, parameterValues } from "../../policies/catalog";
import { ResourceView, Rule, UNKNOWN } from "../../policies/model";
import { rules } from "../../policies/rules";
import { BUCKET, KEY_ARN, replace, res, secureBucket, tlsOnlyPolicy, without } from "./fixtures";

/** One case: a resource (resource rules) or a stack (stack rules), optional policy config, and a title. */
interface Case {
  readonly title: string;
  readonly input: ResourceView | ResourceView[];
  readonly config?: Record<string, unknown>;
  /** For violations: the resource name each violation must be about (undefined: the stack). */
  readonly about?: string;
}

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const ASSOC = "aws:wafv2/webAclAssociation:WebAclAssociation";
const TRAIL = "aws:cloudtrail/trail:Trail";
const INSTANCE = "aws:ec2/instance:Instance";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const ASG = "aws:autoscaling/group:Group";
const DIST = "aws:cloudfront/distribution:Distribution";
const LBARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef";
const STAGE_ARN = "arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod";
const ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0a1b2c3d";

const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const urnOf = (bucket: string) => `urn:pulumi:test::kamae::${BUCKET}::${bucket}`;
const sse = (bucket: unknown, sseAlgorithm: unknown, extra: Partial<ResourceView> = {}) =>
  res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${String(typeof bucket === "string" ? bucket : "pending")}-sse`, { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] }, extra);
const sg = (name: string, ingress: any[]) => res(SG, name, { ingress, egress: [] });
const world = (fromPort: number, toPort = fromPort, protocol = "tcp") => ({ protocol, fromPort, toPort, cidrBlocks: ["0.0.0.0/0"] });
const doc = (...Statement: any[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trail = (name: string, props: Record<string, any> = {}) =>
  res(TRAIL, name, {
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: KEY_ARN,
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:trail:*",
    s3BucketName: "trail-bucket",
    eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
    ...props,
  });
const alb = (name: string) => res(LB, name, { loadBalancerType: "application", arn: LBARN, accessLogs: { enabled: true, bucket: "lb-logs" } });
const asg = (name: string, props: Record<string, any>) => res(ASG, name, { launchTemplate: { id: "lt-0abc", version: "$Latest" }, ...props });
const tagged = (tags: Record<string, string>) => Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true }));
const rolloutAssociation = res(
  "aws:ssm/association:Association",
  "agents-install",
  { name: "AWS-ConfigureAWSPackage", targets: [{ key: "tag:kamae:agent-rollout", values: ["true"] }] },
  { parentTypes: ["kamae:index:AgentRollout"] },
);

const cases: Record<string, { compliant: Case[]; noncompliant: Case[] }> = {
  "s3-bucket-public-read-prohibited": {
    compliant: [
      { title: "secured bucket", input: secureBucket("data") },
      {
        title: "public-read policy neutralised by restrictPublicBuckets",
        input: [...secureBucket("site"), res("aws:s3/bucketPolicy:BucketPolicy", "site-public", { bucket: "site", policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" }) })],
      },
      {
        title: "public principal restricted to a CloudFront distribution by aws:SourceArn",
        input: [
          res(BUCKET, "cdn", { bucket: "cdn" }),
          res("aws:s3/bucketPolicy:BucketPolicy", "cdn-oac", {
            bucket: "cdn",
            policy: doc({ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::cdn/*", Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } } }),
          }),
        ],
      },
    ],
    noncompliant: [
      { title: "public-read ACL through a BucketAcl resource", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketAcl:BucketAcl", "open-acl", { bucket: "open", acl: "public-read" })], about: "open" },
      { title: "inline public-read ACL", input: [res(BUCKET, "open", { bucket: "open", acl: "public-read" })], about: "open" },
      { title: "policy allowing s3:GetObject to *", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketPolicy:BucketPolicy", "open-policy", { bucket: "open", policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::open/*" }) })], about: "open" },
    ],
  },
  "s3-bucket-public-write-prohibited": {
    compliant: [
      { title: "secured bucket", input: secureBucket("data") },
      { title: "public-read (not write) ACL", input: [res(BUCKET, "site", { bucket: "site", acl: "public-read" })] },
    ],
    noncompliant: [
      { title: "public-read-write ACL resource", input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketAcl:BucketAcl", "drop-acl", { bucket: "drop", acl: "public-read-write" })], about: "drop" },
      {
        title: "ACL grant WRITE to AllUsers",
        input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketAcl:BucketAcl", "drop-acl", { bucket: "drop", accessControlPolicy: { owner: { id: "o" }, grants: [{ permission: "WRITE", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" } }] } })],
        about: "drop",
      },
      { title: "policy allowing s3:PutObject to *", input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketPolicy:BucketPolicy", "drop-policy", { bucket: "drop", policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::drop/*" }) })], about: "drop" },
    ],
  },
  "s3-bucket-level-public-access-prohibited": {
    compliant: [
      { title: "BPA as a separate resource", input: secureBucket("data") },
      { title: "BPA reference unknown in preview but the engine knows it came from the bucket", input: [res(BUCKET, "b", { bucket: UNKNOWN }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { propertyDependencies: { bucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::b"] } })] },
      { title: "BPA reference unknown with no dependency information: no verdict", input: [res(BUCKET, "b", {}), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
    ],
    noncompliant: [
      { title: "no BPA", input: without(secureBucket("data"), "data-bpa"), about: "data" },
      { title: "BPA with restrictPublicBuckets false", input: replace(secureBucket("data"), "data-bpa", { restrictPublicBuckets: false }), about: "data" },
      { title: "BPA of another bucket", input: [res(BUCKET, "a", { bucket: "a" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "x-bpa", { bucket: "other", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })], about: "a" },
    ],
  },
  "s3-default-encryption-kms": {
    compliant: [
      { title: "separate SSE-KMS configuration", input: secureBucket("data") },
      { title: "deprecated inline configuration", input: [res(BUCKET, "old", { bucket: "old", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } })] },
      { title: "key in the allowed list", input: secureBucket("data"), config: { allowedKmsKeyArns: [KEY_ARN] } },
      { title: "SSE-S3 on the access-log bucket (the only encryption log delivery supports)", input: secureBucket("data") },
    ],
    noncompliant: [
      { title: "no encryption configuration", input: without(secureBucket("data"), "data-sse"), about: "data" },
      { title: "SSE-S3 (AES256)", input: replace(secureBucket("data"), "data-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }), about: "data" },
      { title: "SSE-S3 on a log bucket when exemptLogTargets is false", input: replace(secureBucket("data"), "data-logs-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }), config: { exemptLogTargets: false }, about: "data-logs" },
      { title: "key not in the allowed list", input: [res(BUCKET, "d", { bucket: "d" }), res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "d-sse", { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] })], config: { allowedKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/other"] }, about: "d" },
    ],
  },
  "s3-bucket-ssl-requests-only": {
    compliant: [
      { title: "TLS-only BucketPolicy", input: secureBucket("data") },
      { title: "inline TLS-only policy", input: [res(BUCKET, "old", { bucket: "old", policy: tlsOnlyPolicy("old") })] },
    ],
    noncompliant: [
      { title: "no policy", input: without(secureBucket("data"), "data-policy"), about: "data" },
      { title: "policy without the SecureTransport deny", input: replace(secureBucket("data"), "data-policy", { policy: doc({ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::data" }) }), about: "data" },
    ],
  },
  "s3-bucket-versioning-enabled": {
    compliant: [
      { title: "separate BucketVersioning", input: secureBucket("data") },
      { title: "deprecated inline versioning", input: [res(BUCKET, "old", { bucket: "old", versioning: { enabled: true } })] },
    ],
    noncompliant: [
      { title: "no BucketVersioning", input: without(secureBucket("data"), "data-versioning"), about: "data" },
      { title: "BucketVersioning Suspended", input: replace(secureBucket("data"), "data-versioning", { versioningConfiguration: { status: "Suspended" } }), about: "data" },
    ],
  },
  "s3-bucket-logging-enabled": {
    compliant: [
      { title: "BucketLogging, log bucket exempt", input: secureBucket("data") },
      { title: "ALB access-log bucket exempt", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), alb("web")] },
      { title: "log target unknown but known by dependency", input: [res(BUCKET, "logs", { bucket: UNKNOWN }), res(BUCKET, "data", { bucket: UNKNOWN }), res("aws:s3/bucketLogging:BucketLogging", "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { propertyDependencies: { bucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::data"], targetBucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::logs"] } })] },
    ],
    noncompliant: [
      { title: "a bucket without BucketLogging next to a logged one", input: [...secureBucket("data"), res(BUCKET, "solo", { bucket: "solo" })], about: "solo" },
      { title: "log bucket not exempt when exemptLogTargets is false", input: secureBucket("data"), config: { exemptLogTargets: false }, about: "data-logs" },
    ],
  },
  "s3-bucket-acl-prohibited": {
    compliant: [
      { title: "no ACL, default ownership", input: secureBucket("data") },
      { title: "BucketOwnerEnforced", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "BucketOwnerEnforced" } })] },
    ],
    noncompliant: [
      { title: "BucketAcl resource", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "private" })], about: "b" },
      { title: "ObjectWriter ownership", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "ObjectWriter" } })], about: "b" },
    ],
  },
  "s3-account-level-public-access-blocks-periodic": {
    compliant: [
      { title: "account BPA in the stack", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    noncompliant: [
      { title: "none", input: [] },
      { title: "partial", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true })] },
    ],
  },
  "restricted-ssh": {
    compliant: [
      { title: "SSH from a private range", input: sg("web", [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }]) },
      { title: "HTTPS from the world", input: sg("web", [world(443)]) },
      { title: "separate rule from a security group", input: res(SG_RULE, "r", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, sourceSecurityGroupId: "sg-1", securityGroupId: "sg-2" }) },
      { title: "unknown CIDR in preview", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: UNKNOWN, securityGroupId: "sg-2" }) },
    ],
    noncompliant: [
      { title: "inline 22 from 0.0.0.0/0", input: sg("web", [world(22)]), about: "web" },
      { title: "ec2.SecurityGroupRule range covering 22 from ::/0", input: res(SG_RULE, "r", { type: "ingress", protocol: "tcp", fromPort: 0, toPort: 1024, ipv6CidrBlocks: ["::/0"], securityGroupId: "sg-1" }), about: "r" },
      { title: "vpc.SecurityGroupIngressRule all traffic", input: res(INGRESS, "r", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-1" }), about: "r" },
    ],
  },
  "restricted-common-ports": {
    compliant: [
      { title: "RDP from a private range", input: sg("win", [{ protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["10.0.0.0/16"] }]) },
      { title: "port removed from blockedPorts", input: sg("db", [world(3306)]), config: { blockedPorts: [3389] } },
    ],
    noncompliant: [
      { title: "RDP from the world", input: sg("win", [world(3389)]), about: "win" },
      { title: "configured extra port", input: res(INGRESS, "pg", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" }), config: { blockedPorts: [5432] }, about: "pg" },
    ],
  },
  "vpc-sg-open-only-to-authorized-ports": {
    compliant: [
      { title: "80 and 443 from the world", input: sg("alb", [world(80), world(443)]) },
      { title: "8080 from a private range", input: sg("app", [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] }]) },
      { title: "authorized UDP port", input: sg("vpn", [world(1194, 1194, "udp")]), config: { authorizedUdpPorts: [1194] } },
    ],
    noncompliant: [
      { title: "8080 from the world", input: sg("app", [world(8080)]), about: "app" },
      { title: "UDP 443 is not TCP 443", input: sg("quic", [world(443, 443, "udp")]), about: "quic" },
      { title: "443 no longer authorized", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" }), config: { authorizedTcpPorts: [80] }, about: "r" },
    ],
  },
  "vpc-default-security-group-closed": {
    compliant: [{ title: "no rules", input: res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", { vpcId: "vpc-1" }) }],
    noncompliant: [{ title: "egress rule", input: res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", { vpcId: "vpc-1", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), about: "default" }],
  },
  "vpc-flow-logs-enabled": {
    compliant: [{ title: "flow log by vpc id", input: [res("aws:ec2/vpc:Vpc", "main", { id: "vpc-1", arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1" }), res("aws:ec2/flowLog:FlowLog", "main-flow", { vpcId: "vpc-1", trafficType: "ALL" })] }],
    noncompliant: [{ title: "no flow log", input: [res("aws:ec2/vpc:Vpc", "main", { arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1" }), res("aws:ec2/flowLog:FlowLog", "other", { vpcId: "vpc-2" })], about: "main" }],
  },
  "wafv2-logging-enabled": {
    compliant: [{ title: "logging configuration", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN }), res("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "acl-logs", { resourceArn: ACL_ARN, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web"] })] }],
    noncompliant: [{ title: "no logging", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN })], about: "acl" }],
  },
  "alb-waf-enabled": {
    compliant: [
      { title: "web ACL association", input: [alb("web"), res(ASSOC, "web-waf", { resourceArn: LBARN, webAclArn: ACL_ARN })] },
      { title: "network load balancer", input: [res(LB, "nlb", { loadBalancerType: "network", arn: LBARN })] },
      { title: "unexpanded awsx ALB with an association", input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: LBARN } }), res(ASSOC, "front-waf", { resourceArn: LBARN, webAclArn: ACL_ARN })] },
    ],
    noncompliant: [
      { title: "no association", input: [alb("web")], about: "web" },
      { title: "unexpanded awsx ALB without one", input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: LBARN } })], about: "front" },
      {
        title: "expanded awsx ALB judged once, on its load balancer",
        input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: LBARN } }), { ...alb("front-lb"), parent: "urn:pulumi:test::kamae::awsx:lb:ApplicationLoadBalancer::front" }],
        about: "front-lb",
      },
    ],
  },
  "api-gw-associated-with-waf": {
    compliant: [{ title: "association", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN, stageName: "prod" }), res(ASSOC, "prod-waf", { resourceArn: STAGE_ARN, webAclArn: ACL_ARN })] }],
    noncompliant: [{ title: "no association", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN })], about: "prod" }],
  },
  "cloudfront-associated-with-waf": {
    compliant: [{ title: "webAclId", input: res(DIST, "cdn", { webAclId: ACL_ARN }) }],
    noncompliant: [{ title: "none", input: res(DIST, "cdn", { enabled: true }), about: "cdn" }],
  },
  "alb-http-to-https-redirection-check": {
    compliant: [
      { title: "redirect", input: res("aws:lb/listener:Listener", "http", { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }) },
      { title: "HTTPS listener forwarding", input: res("aws:lb/listener:Listener", "https", { protocol: "HTTPS", port: 443, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }) },
    ],
    noncompliant: [{ title: "HTTP forward", input: res("aws:lb/listener:Listener", "http", { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }), about: "http" }],
  },
  "elb-logging-enabled": {
    compliant: [{ title: "access logs", input: alb("web") }],
    noncompliant: [
      { title: "no access logs", input: res(LB, "web", { loadBalancerType: "application" }), about: "web" },
      { title: "disabled", input: res(LB, "web", { accessLogs: { enabled: false, bucket: "b" } }), about: "web" },
    ],
  },
  "cloudfront-viewer-policy-https": {
    compliant: [{ title: "redirect-to-https", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only" }] }) }],
    noncompliant: [{ title: "allow-all on a path", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ pathPattern: "/img/*", viewerProtocolPolicy: "allow-all" }] }), about: "cdn" }],
  },
  "cloudfront-accesslogs-enabled": {
    compliant: [{ title: "logging bucket", input: res(DIST, "cdn", { loggingConfig: { bucket: "logs.s3.amazonaws.com" } }) }],
    noncompliant: [{ title: "no logging", input: res(DIST, "cdn", {}), about: "cdn" }],
  },
  "multi-region-cloudtrail-enabled": {
    compliant: [
      { title: "multi-region trail", input: [trail("org")] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    noncompliant: [
      { title: "no trail", input: [] },
      { title: "single-region trail", input: [trail("local", { isMultiRegionTrail: false })] },
    ],
  },
  "cloudtrail-enabled": {
    compliant: [{ title: "logging", input: trail("t") }],
    noncompliant: [{ title: "logging off", input: trail("t", { enableLogging: false }), about: "t" }],
  },
  "cloudtrail-s3-dataevents-enabled": {
    compliant: [
      { title: "basic selector", input: [trail("t")] },
      { title: "advanced selector on another trail", input: [trail("t", { eventSelectors: [] }), trail("data", { eventSelectors: undefined, advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }] })] },
      { title: "no trails at all (multi-region rule covers that)", input: [] },
    ],
    noncompliant: [{ title: "management events only", input: [trail("t", { eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] })], about: "t" }],
  },
  "cloud-trail-encryption-enabled": {
    compliant: [{ title: "KMS", input: trail("t") }],
    noncompliant: [{ title: "no key", input: trail("t", { kmsKeyId: undefined }), about: "t" }],
  },
  "cloud-trail-log-file-validation-enabled": {
    compliant: [{ title: "validation", input: trail("t") }],
    noncompliant: [{ title: "no validation", input: trail("t", { enableLogFileValidation: false }), about: "t" }],
  },
  "cloud-trail-cloud-watch-logs-enabled": {
    compliant: [{ title: "log group", input: trail("t") }],
    noncompliant: [{ title: "none", input: trail("t", { cloudWatchLogsGroupArn: undefined }), about: "t" }],
  },
  "guardduty-enabled-centralized": {
    compliant: [
      { title: "detector", input: [res("aws:guardduty/detector:Detector", "gd", { enable: true })] },
      { title: "external", input: [], config: { managedExternally: true } },
    ],
    noncompliant: [
      { title: "none", input: [] },
      { title: "disabled detector", input: [res("aws:guardduty/detector:Detector", "gd", { enable: false })] },
    ],
  },
  "securityhub-enabled": {
    compliant: [{ title: "account", input: [res("aws:securityhub/account:Account", "hub", {})] }],
    noncompliant: [{ title: "none", input: [] }],
  },
  "cloudwatch-log-group-encrypted": {
    compliant: [{ title: "KMS", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: KEY_ARN, retentionInDays: 90 }) }],
    noncompliant: [{ title: "no key", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }), about: "lg" }],
  },
  "cw-loggroup-retention-period-check": {
    compliant: [
      { title: "90 days", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }) },
      { title: "400 days with a 365 minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 400 }), config: { minRetentionDays: 365 } },
    ],
    noncompliant: [
      { title: "never expires", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", {}), about: "lg" },
      { title: "below the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 30 }), config: { minRetentionDays: 365 }, about: "lg" },
    ],
  },
  "encrypted-volumes": {
    compliant: [
      { title: "encrypted volume", input: res("aws:ebs/volume:Volume", "v", { encrypted: true, size: 8 }) },
      { title: "instance root encrypted", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true } }) },
      { title: "launch template device encrypted (string flag)", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }] }) },
      { title: "unset flag with account encryption by default", input: res(INSTANCE, "i", {}), config: { accountEncryptionByDefault: true } },
    ],
    noncompliant: [
      { title: "unencrypted volume", input: res("aws:ebs/volume:Volume", "v", { size: 8 }), about: "v" },
      { title: "instance root unset", input: res(INSTANCE, "i", {}), about: "i" },
      { title: "launch template device explicitly false even with encryption by default", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }), config: { accountEncryptionByDefault: true }, about: "lt" },
    ],
  },
  "ec2-ebs-encryption-by-default": {
    compliant: [{ title: "enabled", input: [res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs", { enabled: true })] }],
    noncompliant: [{ title: "none", input: [] }],
  },
  "ec2-imdsv2-check": {
    compliant: [
      { title: "instance", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "required" } }) },
      { title: "launch template", input: res(LT, "lt", { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }) },
    ],
    noncompliant: [
      { title: "instance optional", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "optional" } }), about: "i" },
      { title: "launch template unset", input: res(LT, "lt", {}), about: "lt" },
    ],
  },
  "ec2-instance-no-public-ip": {
    compliant: [
      { title: "private instance", input: res(INSTANCE, "i", { associatePublicIpAddress: false }) },
      { title: "launch template private ENI", input: res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: "false" }] }) },
    ],
    noncompliant: [
      { title: "instance public", input: res(INSTANCE, "i", { associatePublicIpAddress: true }), about: "i" },
      { title: "launch template public ENI", input: res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: "true" }] }), about: "lt" },
    ],
  },
  "ec2-instance-profile-attached": {
    compliant: [
      { title: "instance", input: res(INSTANCE, "i", { iamInstanceProfile: "web-profile" }) },
      { title: "launch template", input: res(LT, "lt", { iamInstanceProfile: { arn: "arn:aws:iam::123456789012:instance-profile/web" } }) },
    ],
    noncompliant: [{ title: "none", input: res(INSTANCE, "i", {}), about: "i" }],
  },
  "autoscaling-launch-template": {
    compliant: [{ title: "launch template", input: asg("web", {}) }],
    noncompliant: [{ title: "launch configuration", input: res(ASG, "web", { launchConfiguration: "lc-1" }), about: "web" }],
  },
  "autoscaling-launch-config-public-ip-disabled": {
    compliant: [{ title: "no public IP", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: false }) }],
    noncompliant: [{ title: "public IP", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: true }), about: "lc" }],
  },
  "autoscaling-launchconfig-requires-imdsv2": {
    compliant: [{ title: "required", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { metadataOptions: { httpTokens: "required" } }) }],
    noncompliant: [{ title: "unset", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", {}), about: "lc" }],
  },
  "lambda-function-public-access-prohibited": {
    compliant: [
      { title: "service principal scoped by source ARN", input: res("aws:lambda/permission:Permission", "p", { principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/r", action: "lambda:InvokeFunction" }) },
      { title: "* restricted to an account", input: res("aws:lambda/permission:Permission", "p", { principal: "*", sourceAccount: "123456789012", action: "lambda:InvokeFunction" }) },
      { title: "IAM-authenticated function URL", input: res("aws:lambda/functionUrl:FunctionUrl", "u", { authorizationType: "AWS_IAM" }) },
    ],
    noncompliant: [
      { title: "principal *", input: res("aws:lambda/permission:Permission", "p", { principal: "*", action: "lambda:InvokeFunction" }), about: "p" },
      { title: "public function URL", input: res("aws:lambda/functionUrl:FunctionUrl", "u", { authorizationType: "NONE" }), about: "u" },
    ],
  },
  "iam-policy-no-statements-with-admin-access": {
    compliant: [{ title: "scoped", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }) }],
    noncompliant: [
      { title: "*:* standalone", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }), about: "p" },
      { title: "*:* in a role's inline block", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: ["*"], Resource: ["*"] }) }] }), about: "r" },
    ],
  },
  "iam-policy-no-statements-with-full-access": {
    compliant: [
      { title: "listed actions", input: res("aws:iam/rolePolicy:RolePolicy", "p", { policy: doc({ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: "arn:aws:sqs:us-east-1:123456789012:q" }) }) },
      { title: "Deny s3:*", input: res("aws:iam/rolePolicy:RolePolicy", "p", { policy: doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }) }) },
    ],
    noncompliant: [{ title: "s3:*", input: res("aws:iam/rolePolicy:RolePolicy", "p", { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) }), about: "p" }],
  },
  "iam-user-no-policies-check": {
    compliant: [{ title: "policy attachment to roles only", input: res("aws:iam/policyAttachment:PolicyAttachment", "a", { roles: ["r"], policyArn: "arn" }) }],
    noncompliant: [
      { title: "user policy attachment", input: res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "a", { user: "bob", policyArn: "arn" }), about: "a" },
      { title: "policy attachment with users", input: res("aws:iam/policyAttachment:PolicyAttachment", "a", { users: ["bob"], policyArn: "arn" }), about: "a" },
    ],
  },
  "cmk-backing-key-rotation-enabled": {
    compliant: [
      { title: "rotation", input: res("aws:kms/key:Key", "k", { enableKeyRotation: true }) },
      { title: "asymmetric key", input: res("aws:kms/key:Key", "k", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }) },
    ],
    noncompliant: [{ title: "no rotation", input: res("aws:kms/key:Key", "k", {}), about: "k" }],
  },
  "sns-encrypted-kms": {
    compliant: [{ title: "KMS", input: res("aws:sns/topic:Topic", "t", { kmsMasterKeyId: KEY_ARN }) }],
    noncompliant: [{ title: "none", input: res("aws:sns/topic:Topic", "t", {}), about: "t" }],
  },
  "sqs-queue-encrypted-kms": {
    compliant: [
      { title: "KMS", input: res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: KEY_ARN }) },
      { title: "SSE-SQS when allowed", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true }), config: { allowSqsManagedSse: true } },
    ],
    noncompliant: [{ title: "SSE-SQS by default", input: res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true }), about: "q" }],
  },
  "rds-storage-encrypted": {
    compliant: [
      { title: "encrypted", input: res("aws:rds/instance:Instance", "db", { storageEncrypted: true }) },
      { title: "Aurora instance (judged on the cluster)", input: res("aws:rds/instance:Instance", "db", { clusterIdentifier: "c" }) },
    ],
    noncompliant: [{ title: "unencrypted", input: res("aws:rds/instance:Instance", "db", { engine: "postgres" }), about: "db" }],
  },
  "rds-cluster-encrypted-at-rest": {
    compliant: [{ title: "encrypted", input: res("aws:rds/cluster:Cluster", "c", { storageEncrypted: true }) }],
    noncompliant: [{ title: "unencrypted", input: res("aws:rds/cluster:Cluster", "c", {}), about: "c" }],
  },
  "rds-instance-public-access-check": {
    compliant: [{ title: "private", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: false }) }],
    noncompliant: [{ title: "public", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: true }), about: "db" }],
  },
  "dynamodb-table-encrypted-kms": {
    compliant: [{ title: "KMS", input: res("aws:dynamodb/table:Table", "t", { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN } }) }],
    noncompliant: [{ title: "DynamoDB-owned key", input: res("aws:dynamodb/table:Table", "t", {}), about: "t" }],
  },
  "dynamodb-pitr-enabled": {
    compliant: [{ title: "PITR", input: res("aws:dynamodb/table:Table", "t", { pointInTimeRecovery: { enabled: true } }) }],
    noncompliant: [{ title: "none", input: res("aws:dynamodb/table:Table", "t", {}), about: "t" }],
  },
  "efs-encrypted-check": {
    compliant: [{ title: "encrypted", input: res("aws:efs/fileSystem:FileSystem", "fs", { encrypted: true }) }],
    noncompliant: [{ title: "unencrypted", input: res("aws:efs/fileSystem:FileSystem", "fs", {}), about: "fs" }],
  },
  "lambda-functions-have-application-protection": {
    compliant: [
      { title: "function with the protection layer", input: [res("aws:lambda/function:Function", "api", { layers: ["arn:aws:lambda:us-east-1:123456789012:layer:ApplicationSecurity:3"] })] },
      { title: "opted out by tag", input: [res("aws:lambda/function:Function", "api", { tags: { "kamae:protection-opt-out": "true" } })] },
      { title: "layers unknown in preview", input: [res("aws:lambda/function:Function", "api", { layers: UNKNOWN })] },
    ],
    noncompliant: [
      { title: "no layers", input: [res("aws:lambda/function:Function", "api", {})], about: "api" },
      { title: "layer not in layerArns", input: [res("aws:lambda/function:Function", "api", { layers: ["arn:aws:lambda:us-east-1:123456789012:layer:ApplicationSecurity:3"] })], config: { layerArns: ["arn:aws:lambda:us-east-1:123456789012:layer:Other"] }, about: "api" },
    ],
  },
  "kamae-upload-bucket-malware-scan": {
    compliant: [
      {
        title: "upload bucket named by a MalwareQuarantine child",
        input: [
          res(BUCKET, "uploads", { bucket: "uploads-123", arn: "arn:aws:s3:::uploads-123", tags: { "kamae:receives-uploads": "true" } }),
          res("kamae:index:MalwareQuarantine", "scan", {}),
          res("aws:cloudwatch/eventRule:EventRule", "scan-objects", { eventPattern: JSON.stringify({ source: ["aws.s3"], detail: { bucket: { name: ["uploads-123"] } } }) }, { parentTypes: ["kamae:index:MalwareQuarantine"] }),
          res(BUCKET, "scan-quarantine", { bucket: "scan-quarantine-1" }, { parentTypes: ["kamae:index:MalwareQuarantine"] }),
        ],
      },
      { title: "bucket without uploads", input: secureBucket("data") },
      { title: "CORS bucket declared not to take uploads", input: [res(BUCKET, "site", { bucket: "site", tags: { "kamae:receives-uploads": "false" }, corsRules: [{ allowedMethods: ["PUT"], allowedOrigins: ["*"] }] })] },
    ],
    noncompliant: [
      { title: "tagged upload bucket, no scan", input: [res(BUCKET, "uploads", { bucket: "uploads-123", tags: { "kamae:receives-uploads": "true" } })], about: "uploads" },
      {
        title: "browser uploads via CORS, scan covers another bucket",
        input: [
          res(BUCKET, "avatars", { bucket: "avatars-1" }),
          res("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "avatars-cors", { bucket: "avatars-1", corsRules: [{ allowedMethods: ["PUT", "GET"], allowedOrigins: ["https://app.example.com"] }] }),
          res("aws:guardduty/malwareProtectionPlan:MalwareProtectionPlan", "scan-plan", { protectedResource: { s3Bucket: { bucketName: "documents-9" } } }, { parentTypes: ["kamae:index:MalwareQuarantine"] }),
        ],
        about: "avatars",
      },
    ],
  },
  "kamae-s3-log-target-sse-s3": {
    compliant: [
      { title: "access-log bucket with a separate SSE-S3 configuration, source bucket on SSE-KMS", input: secureBucket("data") },
      { title: "access-log bucket with inline SSE-S3", input: [res(BUCKET, "logs", { bucket: "logs", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "access-log bucket without a configuration (S3 applies SSE-S3)", input: [res(BUCKET, "logs", { bucket: "logs" }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "ALB access-log bucket on SSE-S3", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "AES256"), alb("web")] },
      { title: "ALB naming a SSE-KMS bucket with access logs disabled", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "web", { loadBalancerType: "application", accessLogs: { enabled: false, bucket: "lb-logs" } })] },
      { title: "SSE-KMS bucket that receives no S3 or ELB access logs", input: [res(BUCKET, "data", { bucket: "data" }), sse("data", "aws:kms"), trail("org", { s3BucketName: "data" })] },
      { title: "target unknown in preview with no dependency information: no verdict", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms"), res(LOGGING, "data-logging", { bucket: "data", targetBucket: UNKNOWN })] },
      { title: "target's algorithm unknown in preview", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", UNKNOWN), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      {
        title: "unknown references: only the targetBucket's own dependency counts, not the source bucket's",
        input: [res(BUCKET, "data", { bucket: UNKNOWN }), sse(UNKNOWN, "aws:kms", { propertyDependencies: { bucket: [urnOf("data")] } }), res(BUCKET, "logs", { bucket: UNKNOWN }), res(LOGGING, "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { dependencies: [urnOf("data"), urnOf("logs")], propertyDependencies: { bucket: [urnOf("data")], targetBucket: [urnOf("logs")] } })],
      },
    ],
    noncompliant: [
      { title: "access-log bucket with a separate SSE-KMS configuration", input: replace(secureBucket("data"), "data-logs-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] }), about: "data-logs" },
      { title: "access-log bucket with inline DSSE-KMS", input: [res(BUCKET, "logs", { bucket: "logs", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse" } } } }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })], about: "logs" },
      { title: "deprecated inline logging naming a SSE-KMS bucket by ARN", input: [res(BUCKET, "data", { bucket: "data", logging: { targetBucket: "arn:aws:s3:::logs" } }), res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms")], about: "logs" },
      { title: "ALB access logs into a SSE-KMS bucket", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), alb("web")], about: "lb-logs" },
      { title: "NLB access logs into a SSE-KMS bucket", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "tls", { loadBalancerType: "network", accessLogs: { enabled: true, bucket: "lb-logs", prefix: "tls" } })], about: "lb-logs" },
      {
        title: "target unknown in preview, known by the engine's property dependency",
        input: [res(BUCKET, "logs", { bucket: UNKNOWN }), sse(UNKNOWN, "aws:kms", { propertyDependencies: { bucket: [urnOf("logs")] } }), res(LOGGING, "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { propertyDependencies: { targetBucket: [urnOf("logs")] } })],
        about: "logs",
      },
    ],
  },
  "kamae-asg-isolation-scope": {
    compliant: [
      { title: "tagged group and InstanceIsolation", input: [asg("web", { targetGroupArns: ["tg"], tags: tagged({ "kamae:isolation-scope": "true" }) }), res("kamae:index:InstanceIsolation", "iso", {})] },
      { title: "scope tag from the launch template", input: [asg("web", { targetGroupArns: ["tg"], launchTemplate: { id: "lt-0abc" } }), res(LT, "web-lt", { id: "lt-0abc", tagSpecifications: [{ resourceType: "instance", tags: { "kamae:isolation-scope": "true" } }] }), res("kamae:index:InstanceIsolation", "iso", {})] },
      { title: "group not behind a load balancer", input: [asg("batch", {})] },
    ],
    noncompliant: [
      { title: "untagged group behind a load balancer", input: [asg("web", { targetGroupArns: ["tg"] }), res("kamae:index:InstanceIsolation", "iso", {})], about: "web" },
      { title: "tagged but no InstanceIsolation", input: [asg("web", { targetGroupArns: ["tg"], tags: tagged({ "kamae:isolation-scope": "true" }) })], about: "web" },
      { title: "attached through autoscaling.Attachment, tag not propagated", input: [asg("web", { name: "web-asg", tags: [{ key: "kamae:isolation-scope", value: "true", propagateAtLaunch: false }] }), res("aws:autoscaling/attachment:Attachment", "web-tg", { autoscalingGroupName: "web-asg", lbTargetGroupArn: "tg" }), res("kamae:index:InstanceIsolation", "iso", {})], about: "web" },
    ],
  },
  "kamae-agent-rollout-coverage": {
    compliant: [
      { title: "instance tagged and rollout targets the tag", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } }), rolloutAssociation] },
      { title: "group propagating the tag", input: [asg("web", { tags: tagged({ "kamae:agent-rollout": "true" }) }), rolloutAssociation] },
      { title: "managed externally", input: [res(INSTANCE, "i", {})], config: { managedExternally: true } },
    ],
    noncompliant: [
      { title: "no AgentRollout", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } })], about: "bastion" },
      { title: "instance without the tag", input: [res(INSTANCE, "bastion", { tags: { Name: "bastion" } }), rolloutAssociation], about: "bastion" },
    ],
  },
};

const ruleById = new Map<string, Rule>(rules.map((r) => [r.id, r]));

function run(id: string, c: Case) {
  const rule = ruleById.get(id)!;
  const entry = catalog.find((e) => e.id === id)!;
  const config = parameterValues(entry, c.config ?? {});
  if (rule.kind === "resource") {
    assert.ok(!Array.isArray(c.input), `${id}: resource rule case must be one resource`);
    assert.ok(entry.resourceTypes.includes(c.input.type), `${id}: ${c.input.type} is not among the catalog's resource types`);
    return rule.check(c.input, config).map((message) => ({ about: c.input && !Array.isArray(c.input) ? c.input.name : undefined, message }));
  }
  assert.ok(Array.isArray(c.input), `${id}: stack rule case must be a list`);
  return rule.check(c.input, config).map((v) => ({ about: v.resource?.name, message: v.message }));
}

describe("policy rules (pure functions)", () => {
  it("every previewable catalog entry has compliant and non-compliant cases here", () => {
    const previewable = catalog.filter((e) => e.preview !== "none").map((e) => e.id).sort();
    assert.deepEqual(Object.keys(cases).sort(), previewable);
    for (const [id, c] of Object.entries(cases)) {
      assert.ok(c.compliant.length > 0 && c.noncompliant.length > 0, id);
    }
  });

  for (const [id, { compliant, noncompliant }] of Object.entries(cases)) {
    describe(id, () => {
      for (const c of compliant) {
        it(`compliant: ${c.title}`, () => assert.deepEqual(run(id, c), []));
      }
      for (const c of noncompliant) {
        it(`violation: ${c.title}`, () => {
          const found = run(id, c);
          assert.ok(found.length > 0, "expected a violation");
          for (const f of found) {
            assert.equal(f.about, c.about, f.message);
            assert.ok(f.message.length > 10);
          }
        });
      }
    });
  }
});
