/**
 * The rule catalog: one typed entry per rule. The CrossGuard policies (`policies.ts`) and the AWS Config rules that
 * SecurityBaseline deploys (`awsConfigRules()`) are both generated from it, so preview and post-deployment checks never
 * disagree. The table in policies/README.md is generated from it too (`npm run policies:table`).
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { DEFAULT_LAYER_NAME_PATTERN } from "../components/application-protection/layer-name";
import { KamaeTags } from "../components/shared/runtime/tags";
import { FSBP_CONTROLS, MappingSource } from "./fsbp-controls";
import { T } from "./helpers";
import { ruleEntries } from "./rules/entries";

export type Severity = "low" | "medium" | "high" | "critical";

/** How the rule is judged during `pulumi preview`: one resource, the whole stack, or not at all (AWS Config only). */
export type PreviewKind = "resource" | "stack" | "none";

export interface CatalogEntry {
  /** Policy name; the AWS Config rule name where one exists, `kamae-…` for Kamae's own rules. */
  readonly id: string;
  /** The AWS Config managed rule identifier the rule enforces (`S3_BUCKET_VERSIONING_ENABLED`), if any. */
  readonly awsConfigIdentifier?: string;
  readonly severity: Severity;
  /** What the rule requires, one sentence. */
  readonly description: string;
  /** How to comply with @pulumi/aws v7, one or two sentences. */
  readonly remediation: string;
  /** The equivalent cdk-nag rule, where one exists. */
  readonly cdkNag?: string;
  /** Pulumi resource types judged (for stack rules: the types the verdict is about). */
  readonly resourceTypes: readonly string[];
  readonly preview: PreviewKind;
  /** The Security Hub FSBP controls the rule judges (`ECS.4`); see fsbp-controls.ts for their framework mappings. */
  readonly fsbp?: readonly string[];
  /** Overrides the severity's default enforcement level (new FSBP rules start advisory unless unambiguous). */
  readonly enforcement?: "advisory" | "mandatory";
  /** Policy configuration beyond enforcement level and suppressions (JSON schema with defaults). */
  readonly parameters?: Readonly<Record<string, PolicyConfigJSONSchema>>;
  /**
   * AWS Config input parameters derived from the policy parameters (so both enforce the same values); `null` when the
   * rule cannot be deployed with these values (a required list left empty); several when one rule's parameters cannot
   * hold every value (one Config rule each).
   */
  readonly awsConfigParameters?: (params: Record<string, any>) => Record<string, string> | Record<string, string>[] | null;
  /** The Config rule's required input parameters (its AWS Config Developer Guide page): a deployed rule carries each. */
  readonly awsConfigRequiredParameters?: readonly string[];
}

const EXTERNAL = {
  managedExternally: {
    type: "boolean",
    default: false,
    description: "The account-level setting is managed outside this stack (another stack or AWS Organizations).",
  },
  requiredInEveryStack: {
    type: "boolean",
    default: false,
    description: "Judge the setting in every stack. By default it is judged only in stacks that declare account-level resources (a trail, a GuardDuty detector, SecurityBaseline...): a workload stack is not where account settings live.",
  },
} as const;

/** Account-level settings (a trail, GuardDuty, Security Hub...): entries with the `managedExternally` parameter. */
export const isAccountLevel = (entry: CatalogEntry) => entry.parameters?.managedExternally !== undefined && !entry.id.startsWith("kamae-");

/** Kamae's wiring checks (how Kamae's components are combined): they apply to stacks that use a Kamae component. */
export const KAMAE_WIRING: ReadonlySet<string> = new Set([
  "lambda-functions-have-application-protection",
  "kamae-agent-rollout-coverage",
  "kamae-asg-isolation-scope",
  "kamae-upload-bucket-malware-scan",
]);

/** Resource types that configure the account rather than a workload: a stack declaring one owns account settings. */
export const ACCOUNT_LEVEL_TYPES: ReadonlySet<string> = new Set([
  "aws:cloudtrail/trail:Trail",
  "aws:guardduty/detector:Detector",
  "aws:securityhub/account:Account",
  "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
  "aws:ebs/encryptionByDefault:EncryptionByDefault",
  "aws:cfg/recorder:Recorder",
  "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
  "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults",
  "aws:organizations/organization:Organization",
  "aws:accessanalyzer/analyzer:Analyzer",
  "aws:macie2/account:Account",
  "aws:inspector2/enabler:Enabler",
  "kamae:index:SecurityBaseline",
]);

const ports = (description: string, defaults: number[]): PolicyConfigJSONSchema => ({
  type: "array",
  items: { type: "integer", minimum: 0, maximum: 65535 },
  default: defaults,
  description,
});

const ownEntries: readonly CatalogEntry[] = [
  // S3: a v7 bucket is judged together with the resources that configure it (stack rules).
  {
    id: "s3-bucket-public-read-prohibited",
    awsConfigIdentifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED",
    severity: "critical",
    description: "S3 buckets do not allow public read access through ACLs or bucket policies.",
    remediation: "Remove public-read ACLs and policy statements granting `*` read access, or enable BucketPublicAccessBlock.",
    cdkNag: "NIST.800.53.R5-S3BucketPublicReadProhibited",
    resourceTypes: [...T.bucket, ...T.bucketAcl, ...T.bucketPolicy],
    preview: "stack",
  },
  {
    id: "s3-bucket-public-write-prohibited",
    awsConfigIdentifier: "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
    severity: "critical",
    description: "S3 buckets do not allow public write access through ACLs or bucket policies.",
    remediation: "Remove public-read-write ACLs and policy statements granting `*` write access, or enable BucketPublicAccessBlock.",
    cdkNag: "NIST.800.53.R5-S3BucketPublicWriteProhibited",
    resourceTypes: [...T.bucket, ...T.bucketAcl, ...T.bucketPolicy],
    preview: "stack",
  },
  {
    id: "s3-bucket-level-public-access-prohibited",
    awsConfigIdentifier: "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
    severity: "high",
    description: "Every S3 bucket has a BucketPublicAccessBlock with all four settings on.",
    remediation: "Add `aws.s3.BucketPublicAccessBlock` for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.",
    cdkNag: "NIST.800.53.R5-S3BucketLevelPublicAccessProhibited",
    resourceTypes: [...T.bucket, ...T.bucketPublicAccessBlock],
    preview: "stack",
  },
  {
    id: "s3-default-encryption-kms",
    awsConfigIdentifier: "S3_DEFAULT_ENCRYPTION_KMS",
    severity: "high",
    description: "Every S3 bucket's default encryption is SSE-KMS (optionally with one of the allowed keys); S3 and ELB access-log buckets may use SSE-S3.",
    remediation: "Add `aws.s3.BucketServerSideEncryptionConfiguration` with sseAlgorithm `aws:kms` and kmsMasterKeyId set to your key.",
    cdkNag: "NIST.800.53.R5-S3DefaultEncryptionKMS",
    resourceTypes: [...T.bucket, ...T.bucketEncryption],
    preview: "stack",
    parameters: {
      allowedKmsKeyArns: { type: "array", items: { type: "string" }, default: [], description: "If not empty, only these KMS keys (ARNs or ids) are accepted." },
      exemptLogTargets: { type: "boolean", default: true, description: "Buckets receiving S3 server access logs or ELB access logs may use SSE-S3 (AES256), the only encryption those deliveries support." },
    },
    awsConfigParameters: (p): Record<string, string> => (p.allowedKmsKeyArns?.length ? { kmsKeyArns: p.allowedKmsKeyArns.join(",") } : {}),
  },
  {
    id: "s3-bucket-ssl-requests-only",
    awsConfigIdentifier: "S3_BUCKET_SSL_REQUESTS_ONLY",
    severity: "high",
    description: "Every S3 bucket's policy denies requests that do not use TLS (`aws:SecureTransport` false).",
    remediation: "Add an `aws.s3.BucketPolicy` statement: Effect Deny, Principal `*`, Action `s3:*`, Condition Bool aws:SecureTransport false.",
    cdkNag: "AwsSolutions-S10",
    resourceTypes: [...T.bucket, ...T.bucketPolicy],
    preview: "stack",
  },
  {
    id: "s3-bucket-versioning-enabled",
    awsConfigIdentifier: "S3_BUCKET_VERSIONING_ENABLED",
    severity: "medium",
    description: "Every S3 bucket has versioning enabled.",
    remediation: "Add `aws.s3.BucketVersioning` for the bucket with versioningConfiguration.status `Enabled`.",
    cdkNag: "NIST.800.53.R5-S3BucketVersioningEnabled",
    resourceTypes: [...T.bucket, ...T.bucketVersioning],
    preview: "stack",
  },
  {
    id: "s3-bucket-logging-enabled",
    awsConfigIdentifier: "S3_BUCKET_LOGGING_ENABLED",
    severity: "medium",
    description: "Every S3 bucket has server access logging, except the buckets that receive access logs.",
    remediation: "Add `aws.s3.BucketLogging` for the bucket with targetBucket set to an access-log bucket.",
    cdkNag: "AwsSolutions-S1",
    resourceTypes: [...T.bucket, ...T.bucketLogging],
    preview: "stack",
    parameters: {
      exemptLogTargets: { type: "boolean", default: true, description: "Buckets that receive access logs need not log themselves (logging a log bucket loops)." },
    },
  },
  {
    id: "s3-bucket-acl-prohibited",
    awsConfigIdentifier: "S3_BUCKET_ACL_PROHIBITED",
    severity: "medium",
    description: "S3 buckets do not use ACLs: object ownership stays BucketOwnerEnforced and no ACL is set.",
    remediation: "Remove `acl`/`aws.s3.BucketAcl` and keep `aws.s3.BucketOwnershipControls` at `BucketOwnerEnforced` (the default).",
    resourceTypes: [...T.bucket, ...T.bucketAcl, ...T.bucketOwnershipControls],
    preview: "stack",
  },
  {
    id: "s3-account-level-public-access-blocks-periodic",
    awsConfigIdentifier: "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC",
    severity: "medium",
    description: "The account-level S3 Block Public Access is on (in this stack, or managed externally).",
    remediation: "Add `aws.s3.AccountPublicAccessBlock` with all four settings true (SecurityBaseline does), or set managedExternally.",
    resourceTypes: ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
    preview: "stack",
    parameters: EXTERNAL,
  },
  // Network
  {
    id: "restricted-ssh",
    awsConfigIdentifier: "INCOMING_SSH_DISABLED",
    severity: "high",
    description: "No security group rule opens TCP port 22 to 0.0.0.0/0 or ::/0.",
    remediation: "Use Session Manager instead of SSH, or restrict the rule's source to known CIDRs or security groups.",
    cdkNag: "NIST.800.53.R5-EC2RestrictedSSH",
    resourceTypes: [...T.securityGroup, ...T.securityGroupRule, ...T.vpcIngressRule],
    preview: "resource",
  },
  {
    id: "restricted-common-ports",
    awsConfigIdentifier: "RESTRICTED_INCOMING_TRAFFIC",
    severity: "high",
    description: "No security group rule opens the blocked ports (FTP, RDP, MySQL…) to 0.0.0.0/0 or ::/0.",
    remediation: "Restrict the rule's source to known CIDRs or security groups.",
    cdkNag: "NIST.800.53.R5-EC2RestrictedCommonPorts",
    resourceTypes: [...T.securityGroup, ...T.securityGroupRule, ...T.vpcIngressRule],
    preview: "resource",
    parameters: { blockedPorts: ports("Ports that must not be open to the world.", [20, 21, 3389, 3306, 4333]) },
    // RESTRICTED_INCOMING_TRAFFIC takes five ports (blockedPort1..5): more ports deploy the rule again for the rest;
    // none deploys no rule (given no ports, AWS's rule would block its own five).
    awsConfigParameters: (p) => {
      const ports = p.blockedPorts as number[];
      return Array.from({ length: Math.ceil(ports.length / 5) }, (_, k) =>
        Object.fromEntries(ports.slice(5 * k, 5 * k + 5).map((port, i) => [`blockedPort${i + 1}`, String(port)])),
      );
    },
  },
  {
    id: "vpc-sg-open-only-to-authorized-ports",
    awsConfigIdentifier: "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS",
    severity: "high",
    description: "Security group rules open to 0.0.0.0/0 or ::/0 allow only the authorized TCP and UDP ports.",
    remediation: "Restrict the rule's source, or put the port in authorizedTcpPorts if it is meant to be public.",
    resourceTypes: [...T.securityGroup, ...T.securityGroupRule, ...T.vpcIngressRule],
    preview: "resource",
    parameters: {
      authorizedTcpPorts: ports("TCP ports that may be open to the world.", [80, 443]),
      authorizedUdpPorts: ports("UDP ports that may be open to the world.", []),
    },
    awsConfigParameters: (p) => ({
      authorizedTcpPorts: (p.authorizedTcpPorts as number[]).join(","),
      ...(p.authorizedUdpPorts.length ? { authorizedUdpPorts: (p.authorizedUdpPorts as number[]).join(",") } : {}),
    }),
  },
  {
    id: "vpc-default-security-group-closed",
    awsConfigIdentifier: "VPC_DEFAULT_SECURITY_GROUP_CLOSED",
    severity: "medium",
    description: "The default security group of every VPC the stack creates has no ingress and no egress rules.",
    remediation: "Declare `aws.ec2.DefaultSecurityGroup` for each VPC with no ingress and egress blocks (a new VPC's default group otherwise keeps its default rules).",
    cdkNag: "NIST.800.53.R5-VPCDefaultSecurityGroupClosed",
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    preview: "stack",
  },
  {
    id: "vpc-flow-logs-enabled",
    awsConfigIdentifier: "VPC_FLOW_LOGS_ENABLED",
    severity: "medium",
    description: "Every VPC has a flow log.",
    remediation: "Add `aws.ec2.FlowLog` with vpcId set to the VPC.",
    cdkNag: "NIST.800.53.R5-VPCFlowLogsEnabled",
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/flowLog:FlowLog"],
    preview: "stack",
  },
  {
    id: "wafv2-logging-enabled",
    awsConfigIdentifier: "WAFV2_LOGGING_ENABLED",
    severity: "medium",
    description: "Every WAFv2 web ACL has a logging configuration.",
    remediation: "Add `aws.wafv2.WebAclLoggingConfiguration` with resourceArn set to the web ACL's ARN.",
    resourceTypes: ["aws:wafv2/webAcl:WebAcl", "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"],
    preview: "stack",
  },
  {
    id: "alb-waf-enabled",
    awsConfigIdentifier: "ALB_WAF_ENABLED",
    severity: "high",
    description: "Every Application Load Balancer is protected by a WAFv2 web ACL.",
    remediation: "Add `aws.wafv2.WebAclAssociation` (or Kamae's WafAutoBlock) with resourceArn set to the load balancer's ARN.",
    cdkNag: "NIST.800.53.R5-ALBWAFEnabled",
    resourceTypes: [...T.loadBalancer, "awsx:lb:ApplicationLoadBalancer", ...T.webAclAssociation],
    preview: "stack",
  },
  {
    id: "api-gw-associated-with-waf",
    awsConfigIdentifier: "API_GW_ASSOCIATED_WITH_WAF",
    severity: "high",
    description: "Every API Gateway REST API stage is protected by a WAFv2 web ACL.",
    remediation: "Add `aws.wafv2.WebAclAssociation` with resourceArn set to the stage's ARN.",
    cdkNag: "AwsSolutions-APIG3",
    resourceTypes: ["aws:apigateway/stage:Stage", ...T.webAclAssociation],
    preview: "stack",
  },
  {
    id: "cloudfront-associated-with-waf",
    awsConfigIdentifier: "CLOUDFRONT_ASSOCIATED_WITH_WAF",
    severity: "high",
    description: "Every CloudFront distribution is protected by a web ACL (webAclId set; at preview, from a web ACL of the stack).",
    remediation: "Set the distribution's webAclId to the ARN of a CLOUDFRONT-scoped WAFv2 web ACL.",
    cdkNag: "AwsSolutions-CFR2",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    preview: "stack",
  },
  {
    id: "alb-http-to-https-redirection-check",
    awsConfigIdentifier: "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK",
    severity: "medium",
    description: "HTTP listeners of Application Load Balancers redirect to HTTPS.",
    remediation: "Give HTTP listeners a default action of type `redirect` with protocol `HTTPS`.",
    cdkNag: "NIST.800.53.R5-ALBHttpToHttpsRedirection",
    resourceTypes: [...T.listener],
    preview: "resource",
  },
  {
    id: "elb-logging-enabled",
    awsConfigIdentifier: "ELB_LOGGING_ENABLED",
    severity: "medium",
    description: "Application and Network Load Balancers write access logs to S3.",
    remediation: "Set the load balancer's accessLogs to `{ enabled: true, bucket: <log bucket> }`.",
    resourceTypes: [...T.loadBalancer],
    preview: "resource",
  },
  {
    id: "cloudfront-viewer-policy-https",
    awsConfigIdentifier: "CLOUDFRONT_VIEWER_POLICY_HTTPS",
    severity: "medium",
    description: "CloudFront cache behaviors do not allow plain HTTP between viewers and CloudFront.",
    remediation: "Set viewerProtocolPolicy to `redirect-to-https` or `https-only` on every cache behavior.",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    preview: "resource",
  },
  {
    id: "cloudfront-accesslogs-enabled",
    awsConfigIdentifier: "CLOUDFRONT_ACCESSLOGS_ENABLED",
    severity: "low",
    description: "CloudFront distributions write standard access logs to S3.",
    remediation: "Set the distribution's loggingConfig.bucket to a log bucket.",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    preview: "stack",
  },
  // Logging and detection
  {
    id: "multi-region-cloudtrail-enabled",
    awsConfigIdentifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED",
    severity: "high",
    description: "A logging multi-region CloudTrail trail exists in the stack, or config declares it managed externally.",
    remediation: "Add `aws.cloudtrail.Trail` with isMultiRegionTrail true (SecurityBaseline does), or set managedExternally for an organization trail.",
    resourceTypes: [...T.trail],
    preview: "stack",
    parameters: EXTERNAL,
  },
  {
    id: "cloudtrail-enabled",
    awsConfigIdentifier: "CLOUD_TRAIL_ENABLED",
    severity: "medium",
    description: "Trails declared in the stack are logging (enableLogging is not false).",
    remediation: "Remove `enableLogging: false` from the trail.",
    resourceTypes: [...T.trail],
    preview: "resource",
  },
  {
    id: "cloudtrail-s3-dataevents-enabled",
    awsConfigIdentifier: "CLOUDTRAIL_S3_DATAEVENTS_ENABLED",
    severity: "medium",
    description: "When the stack declares trails, at least one of them records S3 object-level data events.",
    remediation: "Add an event selector with dataResources type `AWS::S3::Object` (or an advanced selector on eventCategory Data, resources.type AWS::S3::Object).",
    resourceTypes: [...T.trail],
    preview: "stack",
  },
  {
    id: "cloud-trail-encryption-enabled",
    awsConfigIdentifier: "CLOUD_TRAIL_ENCRYPTION_ENABLED",
    severity: "high",
    description: "Trails encrypt their log files with a KMS key.",
    remediation: "Set the trail's kmsKeyId to a KMS key whose policy allows CloudTrail.",
    cdkNag: "NIST.800.53.R5-CloudTrailEncryptionEnabled",
    resourceTypes: [...T.trail],
    preview: "stack",
  },
  {
    id: "cloud-trail-log-file-validation-enabled",
    awsConfigIdentifier: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
    severity: "medium",
    description: "Trails have log file integrity validation enabled.",
    remediation: "Set the trail's enableLogFileValidation to true.",
    resourceTypes: [...T.trail],
    preview: "resource",
  },
  {
    id: "cloud-trail-cloud-watch-logs-enabled",
    awsConfigIdentifier: "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED",
    severity: "low",
    description: "Trails deliver events to CloudWatch Logs (cloudWatchLogsGroupArn set; at preview, from a log group of the stack).",
    remediation: "Set the trail's cloudWatchLogsGroupArn and cloudWatchLogsRoleArn.",
    resourceTypes: [...T.trail],
    preview: "stack",
  },
  {
    id: "guardduty-enabled-centralized",
    awsConfigIdentifier: "GUARDDUTY_ENABLED_CENTRALIZED",
    severity: "medium",
    description: "A GuardDuty detector is enabled in the stack, or config declares it managed externally.",
    remediation: "Add `aws.guardduty.Detector` with enable true (SecurityBaseline does), or set managedExternally.",
    resourceTypes: ["aws:guardduty/detector:Detector"],
    preview: "stack",
    parameters: EXTERNAL,
  },
  {
    id: "securityhub-enabled",
    awsConfigIdentifier: "SECURITYHUB_ENABLED",
    severity: "medium",
    description: "Security Hub is enabled in the stack, or config declares it managed externally.",
    remediation: "Add `aws.securityhub.Account` (SecurityBaseline does), or set managedExternally.",
    resourceTypes: ["aws:securityhub/account:Account"],
    preview: "stack",
    parameters: EXTERNAL,
  },
  {
    id: "cloudwatch-log-group-encrypted",
    awsConfigIdentifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
    severity: "medium",
    description: "CloudWatch log groups are encrypted with a KMS key.",
    remediation: "Set the log group's kmsKeyId to a key whose policy allows the logs service principal.",
    cdkNag: "NIST.800.53.R5-CloudWatchLogGroupEncrypted",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    preview: "stack",
  },
  {
    id: "cw-loggroup-retention-period-check",
    awsConfigIdentifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
    severity: "low",
    description: "CloudWatch log groups keep events at least minRetentionDays (never expiring complies, as in the AWS Config rule).",
    remediation: "Set the log group's retentionInDays to at least minRetentionDays, or leave it unset (never expire).",
    cdkNag: "NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    preview: "resource",
    // The values the Config rule's MinRetentionTime accepts (the retention periods CloudWatch Logs offers).
    parameters: { minRetentionDays: { type: "integer", enum: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653], default: 1, description: "Smallest accepted retention in days, one of the periods CloudWatch Logs offers (AWS Config's default is 365)." } },
    awsConfigParameters: (p) => ({ MinRetentionTime: String(p.minRetentionDays) }),
  },
  // Compute and Systems Manager
  {
    id: "encrypted-volumes",
    awsConfigIdentifier: "ENCRYPTED_VOLUMES",
    severity: "high",
    description: "EBS volumes, instance block devices and launch template block devices are encrypted.",
    remediation: "Set encrypted true on ebs.Volume, rootBlockDevice/ebsBlockDevices and launch template blockDeviceMappings[].ebs.",
    resourceTypes: ["aws:ebs/volume:Volume", ...T.instance, ...T.launchTemplate],
    preview: "resource",
    parameters: {
      accountEncryptionByDefault: { type: "boolean", default: false, description: "EBS encryption by default is on in the account: unset flags are encrypted." },
    },
  },
  {
    id: "ec2-ebs-encryption-by-default",
    awsConfigIdentifier: "EC2_EBS_ENCRYPTION_BY_DEFAULT",
    severity: "medium",
    description: "EBS encryption by default is enabled in the stack, or config declares it managed externally.",
    remediation: "Add `aws.ebs.EncryptionByDefault` with enabled true (SecurityBaseline does), or set managedExternally.",
    resourceTypes: ["aws:ebs/encryptionByDefault:EncryptionByDefault"],
    preview: "stack",
    parameters: EXTERNAL,
  },
  {
    id: "ec2-imdsv2-check",
    awsConfigIdentifier: "EC2_IMDSV2_CHECK",
    severity: "high",
    description: "Instances and launch templates require IMDSv2 (metadataOptions.httpTokens = required).",
    remediation: "Set metadataOptions `{ httpTokens: \"required\" }` on the instance or launch template.",
    cdkNag: "NIST.800.53.R5-EC2IMDSv2Enabled",
    resourceTypes: [...T.instance, ...T.launchTemplate],
    preview: "resource",
  },
  {
    id: "ec2-instance-no-public-ip",
    awsConfigIdentifier: "EC2_INSTANCE_NO_PUBLIC_IP",
    severity: "high",
    description: "Instances get no public IPv4 address (asked for, from their subnet's mapPublicIpOnLaunch or from an Elastic IP), and launch templates ask for none.",
    remediation: "Launch into a private subnet (or set associatePublicIpAddress false), attach no Elastic IP, and reach instances through a load balancer or Session Manager.",
    cdkNag: "NIST.800.53.R5-EC2InstanceNoPublicIp",
    resourceTypes: [...T.instance, ...T.launchTemplate, "aws:ec2/subnet:Subnet", "aws:ec2/eip:Eip", "aws:ec2/eipAssociation:EipAssociation"],
    preview: "stack",
  },
  {
    id: "ec2-instance-profile-attached",
    awsConfigIdentifier: "EC2_INSTANCE_PROFILE_ATTACHED",
    severity: "low",
    description: "Instances and launch templates have an IAM instance profile (needed for Systems Manager; at preview, from an instance profile of the stack).",
    remediation: "Set iamInstanceProfile (Kamae's ManagedInstanceRole gives one with the SSM permissions).",
    resourceTypes: [...T.instance, ...T.launchTemplate],
    preview: "stack",
  },
  {
    id: "autoscaling-launch-template",
    awsConfigIdentifier: "AUTOSCALING_LAUNCH_TEMPLATE",
    severity: "low",
    description: "Auto Scaling groups use launch templates, not launch configurations.",
    remediation: "Replace launchConfiguration with launchTemplate (or a mixedInstancesPolicy with one).",
    resourceTypes: [...T.autoscalingGroup],
    preview: "resource",
  },
  {
    id: "autoscaling-launch-config-public-ip-disabled",
    awsConfigIdentifier: "AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED",
    severity: "high",
    description: "Launch configurations do not associate public IP addresses.",
    remediation: "Set associatePublicIpAddress false, or move to a launch template in private subnets.",
    resourceTypes: ["aws:ec2/launchConfiguration:LaunchConfiguration"],
    preview: "resource",
  },
  {
    id: "autoscaling-launchconfig-requires-imdsv2",
    awsConfigIdentifier: "AUTOSCALING_LAUNCHCONFIG_REQUIRES_IMDSV2",
    severity: "high",
    description: "Launch configurations require IMDSv2.",
    remediation: "Set metadataOptions.httpTokens `required`, or move to a launch template.",
    resourceTypes: ["aws:ec2/launchConfiguration:LaunchConfiguration"],
    preview: "resource",
  },
  {
    id: "lambda-function-public-access-prohibited",
    awsConfigIdentifier: "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED",
    severity: "critical",
    description: "Lambda permissions do not make a function's policy public (principal `*`, or Amazon S3 without a source account).",
    remediation: "Name a specific principal; scope `*` with sourceArn, sourceAccount or principalOrgId; give Amazon S3 sourceAccount (the bucket owner's account).",
    cdkNag: "NIST.800.53.R5-LambdaFunctionPublicAccessProhibited",
    resourceTypes: ["aws:lambda/permission:Permission"],
    preview: "stack",
  },
  {
    id: "ec2-instance-managed-by-systems-manager",
    awsConfigIdentifier: "EC2_INSTANCE_MANAGED_BY_SSM",
    severity: "medium",
    description: "Instances are managed by Systems Manager (known only after launch).",
    remediation: "Give instances an instance profile with AmazonSSMManagedInstanceCore and a route to the SSM endpoints.",
    resourceTypes: [...T.instance],
    preview: "none",
  },
  {
    id: "ec2-managedinstance-association-compliance-status-check",
    awsConfigIdentifier: "EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK",
    severity: "medium",
    description: "State Manager associations (such as Kamae's agent rollout) are compliant on every managed instance.",
    remediation: "Investigate failed associations in Systems Manager State Manager.",
    resourceTypes: [...T.instance],
    preview: "none",
  },
  {
    id: "ec2-managedinstance-patch-compliance-status-check",
    awsConfigIdentifier: "EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK",
    severity: "medium",
    description: "Managed instances are compliant with their patch baseline.",
    remediation: "Patch with Systems Manager Patch Manager (a maintenance window or Quick Setup patch policy).",
    resourceTypes: [...T.instance],
    preview: "none",
  },
  {
    id: "ec2-managedinstance-applications-blacklisted",
    awsConfigIdentifier: "EC2_MANAGEDINSTANCE_APPLICATIONS_BLACKLISTED",
    severity: "high",
    description: "No managed instance has an application from the prohibited list installed (from SSM Inventory).",
    remediation: "Remove the application; find the instances in Systems Manager Inventory.",
    resourceTypes: [...T.instance],
    preview: "none",
    parameters: { applicationNames: { type: "array", items: { type: "string" }, default: [], description: "Applications that must not be installed (name or name:version)." } },
    awsConfigParameters: (p) => (p.applicationNames.length ? { applicationNames: p.applicationNames.join(",") } : null),
    awsConfigRequiredParameters: ["applicationNames"],
  },
  {
    id: "ec2-managedinstance-applications-required",
    awsConfigIdentifier: "EC2_MANAGEDINSTANCE_APPLICATIONS_REQUIRED",
    severity: "medium",
    description: "Every managed instance has the required applications installed (from SSM Inventory).",
    remediation: "Install the application (AgentRollout installs the host agent); find the instances in Systems Manager Inventory.",
    resourceTypes: [...T.instance],
    preview: "none",
    parameters: { applicationNames: { type: "array", items: { type: "string" }, default: [], description: "Applications that must be installed (name or name:version)." } },
    awsConfigParameters: (p) => (p.applicationNames.length ? { applicationNames: p.applicationNames.join(",") } : null),
    awsConfigRequiredParameters: ["applicationNames"],
  },
  // IAM, KMS and data
  {
    id: "iam-policy-no-statements-with-admin-access",
    awsConfigIdentifier: "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS",
    severity: "critical",
    description: "No customer managed IAM policy allows Action `*` on Resource `*` (inline policies are not evaluated by the AWS Config rule: kamae-iam-no-admin-equivalent-grants covers them).",
    remediation: "Grant the specific actions on the specific ARNs the principal needs.",
    cdkNag: "NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess",
    // The AWS Config rules evaluate customer managed policies (AWS::IAM::Policy), not inline ones.
    resourceTypes: ["aws:iam/policy:Policy"],
    preview: "resource",
  },
  {
    id: "iam-policy-no-statements-with-full-access",
    awsConfigIdentifier: "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS",
    severity: "high",
    description: "No customer managed IAM policy allows all actions of a service (`service:*`, a pattern such as `i*:*`, or Allow with NotAction).",
    remediation: "List the actions the principal needs instead of `service:*`.",
    cdkNag: "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess",
    // The AWS Config rules evaluate customer managed policies (AWS::IAM::Policy), not inline ones.
    resourceTypes: ["aws:iam/policy:Policy"],
    preview: "resource",
  },
  {
    id: "kamae-iam-no-admin-equivalent-grants",
    severity: "high",
    description: "No principal gets administrator-equivalent access: the AWS managed AdministratorAccess, IAMFullAccess or PowerUserAccess policies, or an inline policy allowing `*` on `*` (beyond the letter of the AWS Config rules, which evaluate customer managed policies only).",
    remediation: "Grant the specific actions the principal needs in a customer managed policy; keep break-glass administrator roles in a separate, audited stack and suppress there with a reason.",
    resourceTypes: [
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "aws:iam/userPolicyAttachment:UserPolicyAttachment",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "aws:iam/policyAttachment:PolicyAttachment",
      "aws:iam/role:Role",
      "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/userPolicy:UserPolicy",
      "aws:iam/groupPolicy:GroupPolicy",
    ],
    preview: "resource",
    enforcement: "advisory",
  },
  {
    id: "iam-user-no-policies-check",
    awsConfigIdentifier: "IAM_USER_NO_POLICIES_CHECK",
    severity: "medium",
    description: "IAM policies are not attached to users (use groups or roles).",
    remediation: "Attach the policy to a group or role instead of the user.",
    cdkNag: "NIST.800.53.R5-IAMUserNoPolicies",
    resourceTypes: ["aws:iam/userPolicy:UserPolicy", "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment"],
    preview: "resource",
  },
  {
    id: "iam-root-access-key-check",
    awsConfigIdentifier: "IAM_ROOT_ACCESS_KEY_CHECK",
    severity: "critical",
    description: "The root user has no access keys (an account setting, not visible to a preview).",
    remediation: "Delete the root user's access keys.",
    resourceTypes: [],
    preview: "none",
  },
  {
    id: "access-keys-rotated",
    awsConfigIdentifier: "ACCESS_KEYS_ROTATED",
    severity: "medium",
    description: "IAM access keys are rotated within 90 days (known only from their age).",
    remediation: "Rotate or delete old access keys; prefer roles.",
    resourceTypes: ["aws:iam/accessKey:AccessKey"],
    preview: "none",
    awsConfigParameters: () => ({ maxAccessKeyAge: "90" }),
  },
  {
    id: "kms-cmk-not-scheduled-for-deletion",
    awsConfigIdentifier: "KMS_CMK_NOT_SCHEDULED_FOR_DELETION",
    severity: "high",
    description: "Customer managed keys are not scheduled for deletion (known only after a deletion is scheduled).",
    remediation: "Cancel the key deletion, or confirm nothing still needs the key.",
    resourceTypes: ["aws:kms/key:Key"],
    preview: "none",
  },
  {
    id: "cmk-backing-key-rotation-enabled",
    awsConfigIdentifier: "CMK_BACKING_KEY_ROTATION_ENABLED",
    severity: "medium",
    description: "Symmetric customer managed KMS keys have automatic rotation enabled.",
    remediation: "Set the key's enableKeyRotation to true.",
    cdkNag: "NIST.800.53.R5-KMSBackingKeyRotationEnabled",
    resourceTypes: ["aws:kms/key:Key"],
    preview: "resource",
  },
  {
    id: "sns-encrypted-kms",
    awsConfigIdentifier: "SNS_ENCRYPTED_KMS",
    severity: "medium",
    description: "SNS topics are encrypted with a KMS key.",
    remediation: "Set the topic's kmsMasterKeyId (a customer managed key lets other services publish).",
    cdkNag: "NIST.800.53.R5-SNSEncryptedKMS",
    resourceTypes: ["aws:sns/topic:Topic"],
    preview: "stack",
  },
  {
    id: "sqs-queue-encrypted-kms",
    severity: "medium",
    description: "SQS queues are encrypted at rest: SSE-SQS (the default for new queues) or a KMS key, as Security Hub SQS.1 judges (no AWS Config managed rule); `allowSqsManagedSse: false` requires a KMS key.",
    remediation: "Leave sqsManagedSseEnabled at its default (true) or set the queue's kmsMasterKeyId.",
    cdkNag: "AwsSolutions-SQS2",
    resourceTypes: ["aws:sqs/queue:Queue"],
    preview: "stack",
    parameters: { allowSqsManagedSse: { type: "boolean", default: true, description: "Accept SQS-managed encryption (SSE-SQS) as Security Hub SQS.1 does; false requires a KMS key." } },
  },
  {
    id: "rds-storage-encrypted",
    awsConfigIdentifier: "RDS_STORAGE_ENCRYPTED",
    severity: "high",
    description: "RDS DB instances (outside Aurora clusters) have encrypted storage.",
    remediation: "Set storageEncrypted true (and kmsKeyId to a customer managed key).",
    cdkNag: "NIST.800.53.R5-RDSStorageEncrypted",
    resourceTypes: ["aws:rds/instance:Instance"],
    preview: "resource",
  },
  {
    id: "rds-cluster-encrypted-at-rest",
    awsConfigIdentifier: "RDS_CLUSTER_ENCRYPTED_AT_REST",
    severity: "high",
    description: "RDS/Aurora clusters have encrypted storage.",
    remediation: "Set the cluster's storageEncrypted true.",
    resourceTypes: ["aws:rds/cluster:Cluster"],
    preview: "resource",
  },
  {
    id: "rds-instance-public-access-check",
    awsConfigIdentifier: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK",
    severity: "critical",
    description: "RDS DB instances are not publicly accessible.",
    remediation: "Set publiclyAccessible false (the default).",
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"],
    preview: "resource",
  },
  {
    id: "dynamodb-table-encrypted-kms",
    awsConfigIdentifier: "DYNAMODB_TABLE_ENCRYPTED_KMS",
    severity: "medium",
    description: "DynamoDB tables are encrypted with a KMS key (not the default DynamoDB-owned key).",
    remediation: "Set serverSideEncryption `{ enabled: true, kmsKeyArn: <key> }`.",
    resourceTypes: ["aws:dynamodb/table:Table"],
    preview: "resource",
  },
  {
    id: "dynamodb-pitr-enabled",
    awsConfigIdentifier: "DYNAMODB_PITR_ENABLED",
    severity: "low",
    description: "DynamoDB tables have point-in-time recovery.",
    remediation: "Set pointInTimeRecovery `{ enabled: true }`.",
    cdkNag: "AwsSolutions-DDB3",
    resourceTypes: ["aws:dynamodb/table:Table"],
    preview: "resource",
  },
  {
    id: "efs-encrypted-check",
    awsConfigIdentifier: "EFS_ENCRYPTED_CHECK",
    severity: "high",
    description: "EFS file systems are encrypted at rest.",
    remediation: "Set encrypted true (and kmsKeyId).",
    resourceTypes: ["aws:efs/fileSystem:FileSystem"],
    preview: "resource",
  },
  // Kamae's own stack policies: the automations are actually wired to what they protect.
  {
    id: "lambda-functions-have-application-protection",
    severity: "medium",
    description: "Every Lambda function carries the application protection layer, unless it opts out by tag.",
    remediation: "Call applicationProtection({ layerArn, environment }) at the top of the program, or tag the function kamae:protection-opt-out=true (with a kamae:suppress reason).",
    resourceTypes: ["aws:lambda/function:Function"],
    preview: "stack",
    parameters: {
      layerNamePattern: { type: "string", default: DEFAULT_LAYER_NAME_PATTERN, description: "Regular expression a layer's name must match to count as the protection layer." },
      layerArns: { type: "array", items: { type: "string" }, description: "Exact layer ARNs (any version) that count as the protection layer, instead of the pattern." },
      optOutTagKey: { type: "string", default: KamaeTags.protectionOptOut, description: "Tag whose value \"true\" exempts a function." },
      includeKamaeResponders: { type: "boolean", default: false, description: "Also report Kamae's own responder functions (applicationProtection() leaves them alone unless asked)." },
    },
  },
  {
    id: "kamae-upload-bucket-malware-scan",
    severity: "high",
    description: "Every bucket that receives uploads is covered by a MalwareQuarantine (scan plus quarantine).",
    remediation: "Add `kamae.MalwareQuarantine` for the bucket (or tag a bucket that does not take untrusted uploads kamae:receives-uploads=false).",
    resourceTypes: [...T.bucket, "kamae:index:MalwareQuarantine"],
    preview: "stack",
  },
  {
    id: "kamae-s3-log-target-sse-s3",
    severity: "high",
    description: "Buckets that receive S3 server access logs or load balancer access logs use SSE-S3 (AES256) default encryption, the only encryption those deliveries support.",
    remediation: "Give the log bucket `aws.s3.BucketServerSideEncryptionConfiguration` with sseAlgorithm `AES256` (not aws:kms or aws:kms:dsse); the buckets that send the logs keep SSE-KMS.",
    resourceTypes: [...T.bucket, ...T.bucketEncryption, ...T.bucketLogging, ...T.loadBalancer, "aws:elb/loadBalancer:LoadBalancer"],
    preview: "stack",
  },
  {
    id: "kamae-asg-isolation-scope",
    severity: "high",
    description: "Every Auto Scaling group behind a load balancer launches instances in scope of an InstanceIsolation.",
    remediation: "Tag the group's instances kamae:isolation-scope=true (AutoHealingGroup does) and add `kamae.InstanceIsolation`, or set managedExternally.",
    resourceTypes: [...T.autoscalingGroup, "kamae:index:InstanceIsolation"],
    preview: "stack",
    parameters: EXTERNAL,
  },
  {
    id: "kamae-agent-rollout-coverage",
    severity: "medium",
    description: "Every instance and Auto Scaling group is targeted by an AgentRollout (the host security agent).",
    remediation: "Tag the instances kamae:agent-rollout=true (AutoHealingGroup does) and add `kamae.AgentRollout`, or set managedExternally.",
    resourceTypes: [...T.instance, ...T.autoscalingGroup, "kamae:index:AgentRollout"],
    preview: "stack",
    parameters: EXTERNAL,
  },
];

/** FSBP controls of the entries above (the entries beside their rules carry their own). */
const FSBP_OF: Readonly<Record<string, readonly string[]>> = {
  "s3-bucket-public-read-prohibited": ["S3.2"],
  "s3-bucket-public-write-prohibited": ["S3.3"],
  "s3-bucket-level-public-access-prohibited": ["S3.8"],
  "s3-default-encryption-kms": ["S3.17"],
  "s3-bucket-ssl-requests-only": ["S3.5"],
  "s3-bucket-versioning-enabled": ["S3.14"],
  "s3-bucket-logging-enabled": ["S3.9"],
  "s3-bucket-acl-prohibited": ["S3.12"],
  "s3-account-level-public-access-blocks-periodic": ["S3.1"],
  "restricted-ssh": ["EC2.13"],
  "restricted-common-ports": ["EC2.19"],
  "vpc-sg-open-only-to-authorized-ports": ["EC2.18"],
  "vpc-default-security-group-closed": ["EC2.2"],
  "vpc-flow-logs-enabled": ["EC2.6"],
  "wafv2-logging-enabled": ["WAF.11"],
  "alb-waf-enabled": ["ELB.16"],
  "api-gw-associated-with-waf": ["APIGateway.4"],
  "cloudfront-associated-with-waf": ["CloudFront.6"],
  "alb-http-to-https-redirection-check": ["ELB.1"],
  "elb-logging-enabled": ["ELB.5"],
  "cloudfront-viewer-policy-https": ["CloudFront.3"],
  "cloudfront-accesslogs-enabled": ["CloudFront.5"],
  "multi-region-cloudtrail-enabled": ["CloudTrail.1"],
  "cloudtrail-enabled": ["CloudTrail.3"],
  "cloud-trail-encryption-enabled": ["CloudTrail.2"],
  "cloud-trail-log-file-validation-enabled": ["CloudTrail.4"],
  "cloud-trail-cloud-watch-logs-enabled": ["CloudTrail.5"],
  "guardduty-enabled-centralized": ["GuardDuty.1"],
  "encrypted-volumes": ["EC2.3"],
  "ec2-ebs-encryption-by-default": ["EC2.7"],
  "ec2-imdsv2-check": ["EC2.8"],
  "ec2-instance-no-public-ip": ["EC2.9"],
  "autoscaling-launch-template": ["AutoScaling.9"],
  "autoscaling-launch-config-public-ip-disabled": ["AutoScaling.5"],
  "autoscaling-launchconfig-requires-imdsv2": ["AutoScaling.3"],
  "lambda-function-public-access-prohibited": ["Lambda.1"],
  "ec2-instance-managed-by-systems-manager": ["SSM.1"],
  "ec2-managedinstance-association-compliance-status-check": ["SSM.3"],
  "ec2-managedinstance-patch-compliance-status-check": ["SSM.2"],
  "iam-policy-no-statements-with-admin-access": ["IAM.1"],
  "iam-policy-no-statements-with-full-access": ["IAM.21"],
  "iam-user-no-policies-check": ["IAM.2"],
  "iam-root-access-key-check": ["IAM.4"],
  "access-keys-rotated": ["IAM.3"],
  "kms-cmk-not-scheduled-for-deletion": ["KMS.3"],
  "cmk-backing-key-rotation-enabled": ["KMS.4"],
  "sns-encrypted-kms": ["SNS.1"],
  "sqs-queue-encrypted-kms": ["SQS.1"],
  "rds-storage-encrypted": ["RDS.3"],
  "rds-cluster-encrypted-at-rest": ["RDS.27"],
  "rds-instance-public-access-check": ["RDS.2"],
  "dynamodb-pitr-enabled": ["DynamoDB.2"],
  "efs-encrypted-check": ["EFS.1"],
};

/** Every rule of the pack, with its FSBP controls. */
export const catalog: readonly CatalogEntry[] = [...ownEntries.map((e) => (FSBP_OF[e.id] ? { ...e, fsbp: FSBP_OF[e.id] } : e)), ...ruleEntries];

/**
 * The frameworks auditors use, as the entry's FSBP controls map to them: `cis`, `nist` and `pci` are the requirements
 * AWS publishes for the controls ("Related requirements"); `derived` holds Prowler-derived ones, only for controls whose
 * AWS mapping for that framework could not be obtained (fsbp-controls.ts says which).
 */
export interface ControlMappings {
  readonly fsbp: readonly string[];
  readonly cis: readonly string[];
  readonly nist: readonly string[];
  readonly pci: readonly string[];
  readonly derived: Readonly<Record<MappedFramework, readonly string[]>>;
}

export const FRAMEWORKS = ["fsbp", "cis", "nist", "pci"] as const;
export type Framework = (typeof FRAMEWORKS)[number];
type MappedFramework = Exclude<Framework, "fsbp">;

export function controlsOf(entry: CatalogEntry): ControlMappings {
  const fsbp = entry.fsbp ?? [];
  const union = (key: MappedFramework, source: MappingSource) => [...new Set(fsbp.flatMap((id) => (FSBP_CONTROLS[id]?.[key].source === source ? FSBP_CONTROLS[id][key].ids : [])))];
  return {
    fsbp,
    cis: union("cis", "aws"),
    nist: union("nist", "aws"),
    pci: union("pci", "aws"),
    derived: { cis: union("cis", "derived"), nist: union("nist", "derived"), pci: union("pci", "derived") },
  };
}

/** The entry's enforcement level unless configured otherwise. */
export function enforcementLevelOf(entry: CatalogEntry): "mandatory" | "advisory" {
  return entry.enforcement ?? defaultEnforcementLevel(entry.severity);
}

/** Default enforcement: mandatory for high and critical severity, advisory otherwise. */
export function defaultEnforcementLevel(severity: Severity): "mandatory" | "advisory" {
  return severity === "high" || severity === "critical" ? "mandatory" : "advisory";
}

/** Entries judged during preview (one policy each). */
export const previewEntries = catalog.filter((e) => e.preview !== "none");

/** Config keys every policy takes besides its parameters (policies.ts adds them to each config schema). */
export const POLICY_SETTINGS: ReadonlySet<string> = new Set(["enforcementLevel", "cannotJudge", "suppressions"]);

/** Config keys that are neither a parameter of the entry nor a setting every policy takes (a misspelling, say). */
export function unknownConfigKeys(entry: CatalogEntry, values: Record<string, unknown>): string[] {
  return Object.keys(values).filter((k) => !POLICY_SETTINGS.has(k) && !(k in (entry.parameters ?? {})));
}

/**
 * The parameters of an entry with their defaults, overlaid with `values`. A key the entry does not know is an error
 * naming the policy and the key: a misspelled setting silently dropped would leave the default in force.
 */
export function parameterValues(entry: CatalogEntry, values: Record<string, unknown> = {}): Record<string, any> {
  const unknown = unknownConfigKeys(entry, values);
  if (unknown.length > 0) {
    const known = [...Object.keys(entry.parameters ?? {}), ...POLICY_SETTINGS].join(", ");
    throw new Error(`policy "${entry.id}" has no config key ${unknown.map((k) => `"${k}"`).join(", ")} (it takes ${known})`);
  }
  const out: Record<string, any> = {};
  for (const [k, schema] of Object.entries(entry.parameters ?? {})) out[k] = (schema as { default?: unknown }).default;
  for (const [k, v] of Object.entries(values)) if (v !== undefined && k in (entry.parameters ?? {})) out[k] = v;
  return out;
}

/** An AWS Config managed rule to deploy, as `aws.cfg.Rule` takes it. */
export interface AwsConfigRuleSpec {
  /** Rule name (the catalog id). */
  readonly name: string;
  readonly description: string;
  /** `source.sourceIdentifier` with `source.owner` "AWS". */
  readonly sourceIdentifier: string;
  /** `inputParameters` as JSON text, when the rule has parameters. */
  readonly inputParameters?: string;
  readonly severity: Severity;
}

/**
 * The catalog as AWS Config managed rules, with the same parameter values the policies use. `parameters` overrides
 * per rule id (as the policy pack config would); `exclude` drops rules by id. Rules whose required parameters are
 * empty (the application lists) are left out until values are given.
 */
export function awsConfigRules(options: { parameters?: Record<string, Record<string, unknown>>; exclude?: readonly string[] } = {}): AwsConfigRuleSpec[] {
  const out: AwsConfigRuleSpec[] = [];
  for (const entry of catalog) {
    if (!entry.awsConfigIdentifier || options.exclude?.includes(entry.id)) continue;
    const input = entry.awsConfigParameters?.(parameterValues(entry, options.parameters?.[entry.id]));
    if (input === null) continue;
    const inputs = Array.isArray(input) ? input : [input];
    inputs.forEach((one, i) =>
      out.push({
        // The first keeps the plain id, so a deployed rule keeps its name when more values add rules.
        name: i === 0 ? entry.id : `${entry.id}-${i + 1}`,
        description: entry.description,
        sourceIdentifier: entry.awsConfigIdentifier!,
        ...(one && Object.keys(one).length > 0 ? { inputParameters: JSON.stringify(one) } : {}),
        severity: entry.severity,
      }),
    );
  }
  return out;
}
