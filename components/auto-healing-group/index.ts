import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { plainItems, Validator } from "../shared/validation";
import { KamaeTags } from "../shared/runtime/tags";
import { ManagedInstanceRole } from "../managed-instance-role";

/** CPU architecture of the instances' default AMI. */
export const InstanceArchitecture = {
  Arm64: "arm64",
  X86_64: "x86_64",
} as const;
export type InstanceArchitecture = (typeof InstanceArchitecture)[keyof typeof InstanceArchitecture];

export interface AutoHealingGroupArgs {
  /** The existing VPC the instances run in. */
  readonly vpcId: pulumi.Input<string>;
  /** Existing (private) subnets to launch into, ideally one per Availability Zone. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Existing ALB target groups the instances serve; their health checks decide replacement. */
  readonly targetGroupArns: pulumi.Input<pulumi.Input<string>[]>;
  /** Security groups of the load balancers allowed to reach the instances on `port` (when no `securityGroupIds`). */
  readonly loadBalancerSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Port the instances serve on (default 80). */
  readonly port?: number;
  /** Existing security groups for the instances instead of the one created here. */
  readonly securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** AMI id; default: the latest Amazon Linux 2023 for `architecture`, from the public SSM parameter. */
  readonly imageId?: pulumi.Input<string>;
  /** CPU architecture of the default AMI: "arm64" (default) or "x86_64". */
  readonly architecture?: InstanceArchitecture;
  /**
   * Instance type (default t4g.small for arm64, t3.small for x86_64); it must match the default image's `architecture`
   * (an x86 type such as t3.small needs `architecture: "x86_64"`), or the group is refused at preview.
   */
  readonly instanceType?: pulumi.Input<string>;
  /** Root device name of the image (default /dev/xvda, as on Amazon Linux). */
  readonly rootDeviceName?: string;
  /** Root volume size in GiB (default 20). */
  readonly rootVolumeSizeGiB?: number;
  /** KMS key for the EBS volumes; default: the account's EBS key. Volumes are always encrypted. */
  readonly ebsKmsKeyArn?: pulumi.Input<string>;
  /** Existing instance profile; default: a ManagedInstanceRole created here. */
  readonly instanceProfileName?: pulumi.Input<string>;
  /** User data, plain text (encoded here). */
  readonly userData?: pulumi.Input<string>;
  /** Smallest group size (default 2); validated: minSize ≤ desiredCapacity ≤ maxSize. */
  readonly minSize?: number;
  /** Instances to run (default 2, at least 1). */
  readonly desiredCapacity?: number;
  /** Largest group size (default 4). */
  readonly maxSize?: number;
  /** Seconds before a new instance's failing health checks count (default 300, at least 0). */
  readonly healthCheckGracePeriodSeconds?: number;
  /** Tag instances, and the instance role created here, into InstanceIsolation's default scope (default true). */
  readonly isolationScope?: boolean;
  /** Tag instances for AgentRollout's default targets (default true). */
  readonly agentRollout?: boolean;
  /** Further tags, put on the group, the instances and their volumes. */
  readonly tags?: Record<string, string>;
}

const amiParameter = (architecture: "arm64" | "x86_64") => `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${architecture}`;

/**
 * A hardened Auto Scaling group for the web tier, made to work with InstanceIsolation: a launch template with IMDSv2
 * required, encrypted EBS, no public IP and an SSM-managed instance profile; attached to existing ALB target groups
 * with ELB health checks (so an isolated instance is replaced by a healthy one); tags that put its instances in
 * InstanceIsolation's scope and AgentRollout's targets.
 */
export class AutoHealingGroup extends pulumi.ComponentResource {
  /** The Auto Scaling group's name. */
  public readonly autoScalingGroupName: pulumi.Output<string>;
  /** The Auto Scaling group's ARN. */
  public readonly autoScalingGroupArn: pulumi.Output<string>;
  /** The launch template of the instances. */
  public readonly launchTemplateId: pulumi.Output<string>;
  /** The instances' security groups (created or given). */
  public readonly securityGroupIds: pulumi.Output<string[]>;
  /** The instances' instance profile (created or given). */
  public readonly instanceProfileName: pulumi.Output<string>;
  /** The instances' role: the created one, or the role of the given `instanceProfileName`. */
  public readonly instanceRoleArn: pulumi.Output<string>;

  constructor(name: string, args: AutoHealingGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:AutoHealingGroup", name, args, opts);
    const check: Validator = new Validator("AutoHealingGroup");
    const min = args.minSize ?? 2;
    const desired = args.desiredCapacity ?? Math.max(min, 2);
    const max = args.maxSize ?? Math.max(desired, 4);
    if (!(Number.isInteger(min) && Number.isInteger(desired) && Number.isInteger(max) && 0 <= min && min <= desired && desired <= max)) {
      check.fail(`sizes must be integers with 0 <= minSize <= desiredCapacity <= maxSize (got ${min}/${desired}/${max})`);
    }
    if (desired < 1) check.fail("desiredCapacity must be at least 1, or nothing replaces an isolated instance");
    check.vpcId("vpcId", args.vpcId);
    if (Array.isArray(args.subnetIds) && args.subnetIds.length === 0) check.fail("subnetIds must name at least one subnet");
    for (const subnet of plainItems(args.subnetIds)) check.subnetId("subnetIds", subnet);
    if (Array.isArray(args.targetGroupArns) && args.targetGroupArns.length === 0) {
      check.fail("targetGroupArns must name at least one target group (ELB health checks drive replacement)");
    }
    for (const arn of plainItems(args.targetGroupArns)) check.arn("targetGroupArns", arn, "elasticloadbalancing");
    for (const group of plainItems(args.loadBalancerSecurityGroupIds)) check.securityGroupId("loadBalancerSecurityGroupIds", group);
    for (const group of plainItems(args.securityGroupIds)) check.securityGroupId("securityGroupIds", group);
    check.oneOf("architecture", args.architecture, InstanceArchitecture);
    // With imageId given the image's architecture is the user's to match; the default image is `architecture`'s.
    if (args.imageId === undefined) check.instanceTypeFor("instanceType", args.instanceType, args.architecture ?? "arm64");
    const port = args.port ?? 80;
    check.integer("port", port, 1, 65535);
    const volumeSize = args.rootVolumeSizeGiB ?? 20;
    check.integer("rootVolumeSizeGiB", volumeSize, 1, 16384);
    check.integer("healthCheckGracePeriodSeconds", args.healthCheckGracePeriodSeconds, 0);
    const parent = { parent: this };

    const scopeTags: Record<string, string> = {
      ...(args.tags ?? {}),
      ...((args.isolationScope ?? true) ? { [KamaeTags.isolationScope]: "true" } : {}),
      ...((args.agentRollout ?? true) ? { [KamaeTags.agentRollout]: "true" } : {}),
    };

    let securityGroupIds: pulumi.Output<string[]>;
    if (args.securityGroupIds !== undefined) {
      securityGroupIds = pulumi.output(args.securityGroupIds);
    } else {
      // Reachable only from the load balancers' groups, never from an address range; out only HTTPS (SSM, agent).
      const group = new aws.ec2.SecurityGroup(
        `${name}-instances`,
        {
          vpcId: args.vpcId,
          description: `Kamae ${name}: web instances, reachable from the load balancers only`,
          ingress: pulumi.output(args.loadBalancerSecurityGroupIds ?? []).apply((groups) =>
            groups.length === 0 ? [] : [{ protocol: "tcp", fromPort: port, toPort: port, securityGroups: groups, description: "from the load balancers" }],
          ),
          egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS out (SSM, package repositories, agent)" }],
          revokeRulesOnDelete: true,
          tags: { Name: `${name}-instances` },
        },
        parent,
      );
      securityGroupIds = pulumi.output([group.id]);
    }

    let instanceProfileName: pulumi.Output<string>;
    let instanceRoleArn: pulumi.Output<string>;
    if (args.instanceProfileName !== undefined) {
      instanceProfileName = pulumi.output(args.instanceProfileName);
      // Always known, so it composes (AgentRollout's decryptingRoleArns): the role of the given profile.
      instanceRoleArn = aws.iam.getInstanceProfileOutput({ name: args.instanceProfileName }, parent).roleArn;
    } else {
      // With the scope tag too: InstanceIsolation's revokeRoleSessions may then deny this role's older sessions (a
      // release hands it back only when it is named in InstanceIsolation's instanceRoleNames).
      const roleTags = { ...(args.tags ?? {}), ...((args.isolationScope ?? true) ? { [KamaeTags.isolationScope]: "true" } : {}) };
      const role = new ManagedInstanceRole(`${name}-instance-role`, { tags: roleTags }, parent);
      instanceProfileName = role.instanceProfileName;
      instanceRoleArn = role.roleArn;
    }

    const imageId = args.imageId ?? aws.ssm.getParameterOutput({ name: amiParameter(args.architecture ?? "arm64") }, parent).value;
    const launchTemplate = new aws.ec2.LaunchTemplate(
      `${name}-template`,
      {
        description: `Kamae ${name}: IMDSv2 only, encrypted EBS, no public IP`,
        imageId,
        instanceType: args.instanceType ?? (args.architecture === "x86_64" ? "t3.small" : "t4g.small"),
        iamInstanceProfile: { name: instanceProfileName },
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
        networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: securityGroupIds }],
        blockDeviceMappings: [
          {
            deviceName: args.rootDeviceName ?? "/dev/xvda",
            ebs: { encrypted: "true", kmsKeyId: args.ebsKmsKeyArn, volumeSize, volumeType: "gp3", deleteOnTermination: "true" },
          },
        ],
        monitoring: { enabled: true },
        userData: args.userData === undefined ? undefined : pulumi.output(args.userData).apply((text) => Buffer.from(text, "utf8").toString("base64")),
        tagSpecifications: [
          { resourceType: "instance", tags: { Name: name, ...scopeTags } },
          { resourceType: "volume", tags: { Name: name, ...(args.tags ?? {}) } },
        ],
        updateDefaultVersion: true,
      },
      parent,
    );

    const group = new aws.autoscaling.Group(
      `${name}-group`,
      {
        vpcZoneIdentifiers: args.subnetIds,
        targetGroupArns: args.targetGroupArns,
        healthCheckType: "ELB",
        healthCheckGracePeriod: args.healthCheckGracePeriodSeconds ?? 300,
        minSize: min,
        desiredCapacity: desired,
        maxSize: max,
        launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => String(v)) },
        // Replace unhealthy instances one at a time, keeping capacity.
        instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 90 } },
        tags: Object.entries(scopeTags).map(([key, value]) => ({ key, value, propagateAtLaunch: false })),
      },
      parent,
    );

    this.autoScalingGroupName = group.name;
    this.autoScalingGroupArn = group.arn;
    this.launchTemplateId = launchTemplate.id;
    this.securityGroupIds = securityGroupIds;
    this.instanceProfileName = instanceProfileName;
    this.instanceRoleArn = instanceRoleArn;
    this.registerOutputs({
      autoScalingGroupName: this.autoScalingGroupName,
      autoScalingGroupArn: this.autoScalingGroupArn,
      launchTemplateId: this.launchTemplateId,
      securityGroupIds: this.securityGroupIds,
      instanceProfileName: this.instanceProfileName,
      instanceRoleArn: this.instanceRoleArn,
    });
  }
}
