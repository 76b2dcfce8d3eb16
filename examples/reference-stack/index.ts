import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";
import { logBucket, uploadBucket } from "./buckets";

/** An output the composed component always sets in this stack's configuration; fails the preview clearly otherwise. */
function present(value: pulumi.Output<string | undefined>, what: string): pulumi.Output<string> {
  return value.apply((v) => {
    if (!v) throw new Error(`kamae-reference: ${what} is not set`);
    return v;
  });
}

// Kamae's reference architecture as one program: a web tier behind an ALB that heals itself when an instance is
// isolated, a WAF block list fed by every source, an upload bucket guarded against malware, alerts on the API calls a
// human must review, GuardDuty findings routed by severity, and the account baseline. Every setting has a default:
// `pulumi up` needs only credentials. Responders start in detect mode (they report what they would do); set
// `kamae-reference:mode enforce` when the reports look right.
export = async () => {
  const config = new pulumi.Config();
  const mode = config.get("mode") === "enforce" ? "enforce" : "detect";
  const emails = config.getObject<string[]>("notificationEmails") ?? [];
  const retentionDays = config.getNumber("logRetentionDays") ?? 365;
  // Names the components take as plain strings are derived from the account and Region (S3 names are global).
  const [{ accountId }, { region }] = await Promise.all([aws.getCallerIdentity(), aws.getRegion()]);
  const unique = `${accountId}-${region}`;

  // The account-level half: multi-region trail (with S3 data events), GuardDuty, Security Hub, AWS Config rules,
  // S3 Block Public Access and EBS encryption by default.
  const baseline = new kamae.SecurityBaseline("baseline", {
    securityHub: config.getBoolean("securityHub") ?? true,
    securityHubStandards: ["aws-foundational-security-best-practices/v/1.0.0"],
    requiredApplications: ["amazon-ssm-agent"],
    trailLogRetentionDays: retentionDays,
  });

  // Network: public subnets for the ALB only, private subnets with one NAT gateway for the instances.
  const vpc = new awsx.ec2.Vpc("network", {
    cidrBlock: config.get("vpcCidr") ?? "10.0.0.0/16",
    numberOfAvailabilityZones: config.getNumber("availabilityZones") ?? 2,
    natGateways: { strategy: config.get("natGateways") === "OnePerAz" ? "OnePerAz" : "Single" },
    enableDnsHostnames: true,
  });

  // Server access logs of every bucket here, and the VPC's flow logs.
  const accessLogs = logBucket("access-logs", { retentionDays, flowLogDelivery: true });
  new aws.ec2.FlowLog("network-flow-logs", { vpcId: vpc.vpcId, trafficType: "ALL", logDestinationType: "s3", logDestination: pulumi.interpolate`${accessLogs.arn}/flow-logs/` });
  // The VPC's default security group allows nothing (FSBP EC2.2, CIS 5.4): adopting it removes its rules, and every
  // resource here has a group of its own.
  new aws.ec2.DefaultSecurityGroup("network-default", { vpcId: vpc.vpcId });

  // ALB access logs: WafAutoBlock reads them (errors and request rates per address, merged across files).
  const albLogBucketName = config.get("albLogBucketName") ?? `alb-logs-${unique}`;
  const albLogs = logBucket("alb-logs", { bucketName: albLogBucketName, retentionDays: 90, elbLogDelivery: true, accessLogTarget: accessLogs });
  new aws.s3.BucketNotification("alb-logs-eventbridge", { bucket: albLogs.id, eventbridge: true });

  // The load balancer: HTTPS with the configured certificate (HTTP redirects to it); plain HTTP until one is set.
  const certificateArn = config.get("certificateArn");
  const albSecurityGroup = new aws.ec2.SecurityGroup("web-alb", {
    vpcId: vpc.vpcId,
    description: "Web ALB: HTTP and HTTPS from the internet, to the web tier only",
    ingress: [
      { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], description: "HTTP (redirected to HTTPS when a certificate is set)" },
      { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" },
    ],
    egress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: [vpc.vpc.cidrBlock], description: "The web tier" }],
  });
  const alb = new aws.lb.LoadBalancer("web", {
    loadBalancerType: "application",
    subnets: vpc.publicSubnetIds,
    securityGroups: [albSecurityGroup.id],
    dropInvalidHeaderFields: true,
    accessLogs: { bucket: albLogs.bucket, prefix: "alb", enabled: true },
    tags: { "kamae:suppress": "elb-deletion-protection-enabled=a reference stack is meant to be torn down (set enableDeletionProtection in production)" },
  });
  const targetGroup = new aws.lb.TargetGroup("web", {
    vpcId: vpc.vpcId,
    port: 80,
    protocol: "HTTP",
    targetType: "instance",
    deregistrationDelay: 30,
    healthCheck: { path: "/", healthyThreshold: 2, unhealthyThreshold: 2, interval: 15 },
  });
  if (certificateArn) {
    new aws.lb.Listener("web-https", {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificateArn,
      defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
    });
    new aws.lb.Listener("web-http", {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
  } else {
    new aws.lb.Listener("web-http", {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
      tags: { "kamae:suppress": "alb-http-to-https-redirection-check=no certificate configured yet: set kamae-reference:certificateArn to serve HTTPS and redirect HTTP" },
    });
  }

  // The web tier: replaced instances come back healthy behind the ALB; tagged for isolation and the agent rollout.
  const web = new kamae.AutoHealingGroup("web", {
    vpcId: vpc.vpcId,
    subnetIds: vpc.privateSubnetIds,
    targetGroupArns: [targetGroup.arn],
    loadBalancerSecurityGroupIds: [albSecurityGroup.id],
    // The image follows `architecture`: an x86_64 instanceType (t3.small, m7i.large) needs architecture "x86_64" too.
    instanceType: config.get("instanceType") ?? "t4g.small",
    architecture: config.get<kamae.InstanceArchitecture>("architecture"),
    minSize: config.getNumber("minSize") ?? 2,
    desiredCapacity: config.getNumber("desiredCapacity") ?? 2,
    maxSize: config.getNumber("maxSize") ?? 4,
    userData: "#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n",
  });

  // The host security agent on every web instance, through SSM Distributor. Without agent settings the existing
  // Parameter Store parameters (dsActivationUrl, dsManagerUrl, dsTenantId, dsToken) are used.
  const agentToken = config.getSecret("agentToken");
  new kamae.AgentRollout("agent", {
    ...(agentToken
      ? {
          activationUrl: config.get("agentActivationUrl") ?? "dsm://agents.deepsecurity.trendmicro.com:443/",
          managerUrl: config.get("agentManagerUrl") ?? "https://app.deepsecurity.trendmicro.com:443",
          tenantId: config.get("agentTenantId") ?? "",
          token: agentToken,
          decryptingRoleArns: [web.instanceRoleArn],
        }
      : {}),
  });

  // Compromised web instances are cut off (every ENI, tracked flows included) with their evidence kept; the group
  // launches a replacement. At most 3 isolations an hour, then notify only.
  const isolation = new kamae.InstanceIsolation("web-isolation", {
    mode,
    // Only the manager's SNS forwarding principal may publish agent events (config: deepSecurityPublisherArn).
    deepSecurity: { publisherArns: [config.get("deepSecurityPublisherArn") ?? `arn:aws:iam::${accountId}:user/deep-security-manager`] },
    // In scope: the web tier's instances and its instance role carry kamae:isolation-scope=true (AutoHealingGroup), so
    // IAM itself keeps the function to them (instance writes, and the role a release hands back).
    circuitBreaker: { maxIsolations: config.getNumber("maxIsolationsPerHour") ?? 3, windowSeconds: 3600 },
    notifications: { emails },
    logRetentionDays: retentionDays,
  });

  // The ALB's web ACL and its block list, fed by the agent's intrusion prevention, GuardDuty, the ALB's access logs,
  // reputation lists and a honeypot URL.
  const waf = new kamae.WafAutoBlock("web-waf", {
    mode,
    allowlist: config.getObject<string[]>("wafAllowlist") ?? [],
    webAcl: { associations: { alb: alb.arn } },
    deepSecurity: { topics: { agents: present(isolation.deepSecurityTopicArn, "the Deep Security topic") } },
    guardDuty: {},
    accessLogs: { bucketNames: [albLogs.bucket] },
    reputationLists: {},
    honeypot: {},
    notifications: { emails },
    logRetentionDays: retentionDays,
  });

  // Uploads are scanned by GuardDuty Malware Protection; malware moves (exactly the scanned version) to a quarantine.
  const uploadBucketName = config.get("uploadBucketName") ?? `uploads-${unique}`;
  const uploads = uploadBucket("uploads", { bucketName: uploadBucketName, accessLogBucketName: accessLogs.bucket });
  const malware = new kamae.MalwareQuarantine(
    "uploads-guard",
    {
      guardDutyBucketNames: { uploads: uploadBucketName },
      createMalwareProtectionPlans: true,
      mode,
      accessLogBucketName: accessLogs.bucket,
      notifications: { emails },
      logRetentionDays: retentionDays,
    },
    { dependsOn: [uploads, baseline] },
  );

  // The baseline trail's files, filtered: only the calls a human must review reach the topic.
  const alerts = new kamae.ApiActivityAlerts("api-alerts", {
    existingTrailBucketName: present(baseline.auditBucketName, "the baseline trail's bucket"),
    existingTrailKmsKeyArn: present(baseline.kmsKeyArn, "the baseline trail's key"),
    enableBucketEventBridge: true,
    rules: [
      { name: "root-activity", identityTypes: ["Root"] },
      { name: "iam-changes", eventSources: ["iam.amazonaws.com"], readOnly: false },
      { name: "security-tooling-off", eventNames: ["StopLogging", "DeleteTrail", "DeleteDetector", "DisableSecurityHub", "StopConfigurationRecorder", "DeleteWebACL"] },
      { name: "network-exposure", eventNames: ["AuthorizeSecurityGroupIngress", "CreateInternetGateway", "AssociateAddress"] },
    ],
    notifications: { emails },
    logRetentionDays: retentionDays,
  });

  // GuardDuty findings routed by severity: notify all, isolate and block compromised instances, restrict misused
  // credentials, close public buckets. Each acting action follows `mode`.
  const scanDocumentName = config.get("scanDocumentName");
  const routes = kamae.RECOMMENDED_ROUTES.map((r) => ({ ...r, actions: r.actions.filter((a) => a !== "scan" || scanDocumentName !== undefined) }));
  const responder = new kamae.GuardDutyResponder("findings", {
    routes,
    modes: { isolate: mode, block: mode, scan: mode, restrictCredentials: mode, blockPublicAccess: mode, protectBucket: mode },
    isolationFunctionArn: isolation.functionArn,
    wafBlockQueueArn: waf.blockQueueArn,
    wafBlockQueueUrl: waf.blockQueueUrl,
    wafBlockQueueKmsKeyArn: waf.kmsKeyArn,
    ...(scanDocumentName ? { scanDocumentName } : {}),
    notifications: { emails },
    logRetentionDays: retentionDays,
  });

  return {
    url: alb.dnsName.apply((dns) => `${certificateArn ? "https" : "http"}://${dns}`),
    honeypotUrl: waf.honeypotUrl,
    webAclArn: waf.webAclArn,
    autoScalingGroupName: web.autoScalingGroupName,
    deepSecurityTopicArn: isolation.deepSecurityTopicArn,
    uploadBucketName: uploads.bucket,
    quarantineBucketName: malware.quarantineBucketName,
    apiAlertsTopicArn: alerts.topicArn,
    findingsTopicArn: responder.topicArn,
    trailArn: baseline.trailArn,
  };
};
