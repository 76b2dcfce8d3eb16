import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "../shared/iam/policy";
import { labelledChild } from "../shared/naming";
import { plainValues, Validator } from "../shared/validation";

const check: Validator = new Validator("ManagedInstanceRole");

export interface ManagedInstanceRoleArgs {
  /** Attach `CloudWatchAgentServerPolicy` so the CloudWatch agent can ship metrics and logs (default false). */
  readonly cloudWatchAgent?: boolean;
  /** Permissions boundary set on the role (ARN of a managed policy), for organisations that require one. */
  readonly permissionsBoundaryArn?: pulumi.Input<string>;
  /**
   * Further managed policies to attach, by label (`{ "app-read": policy.arn }`): each is an attachment named from its
   * label, so the ARN may be an output.
   */
  readonly additionalPolicyArns?: Record<string, pulumi.Input<string>>;
  /** IAM path of the role and instance profile (default "/"). */
  readonly path?: string;
  /** Tags of the role and the instance profile. */
  readonly tags?: Record<string, string>;
}

/**
 * The instance role and instance profile every SSM-managed instance needs: trusted by EC2, with
 * `AmazonSSMManagedInstanceCore` (Session Manager, Run Command, State Manager associations such as AgentRollout),
 * optionally the CloudWatch agent policy, and a permissions boundary when the organisation requires one.
 * AutoHealingGroup creates one by default; AgentRollout and others use its outputs.
 */
export class ManagedInstanceRole extends pulumi.ComponentResource {
  /** The instance role's ARN. */
  public readonly roleArn: pulumi.Output<string>;
  /** The instance role's name. */
  public readonly roleName: pulumi.Output<string>;
  /** The instance profile's ARN. */
  public readonly instanceProfileArn: pulumi.Output<string>;
  /** The instance profile's name (AutoHealingGroup's `instanceProfileName`). */
  public readonly instanceProfileName: pulumi.Output<string>;

  constructor(name: string, args: ManagedInstanceRoleArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:ManagedInstanceRole", name, args, opts);
    const path = args.path ?? "/";
    if (!/^\/([\w+=,.@-]+\/)*$/.test(path)) check.fail(`path "${path}" must start and end with "/"`);
    check.labelMap("additionalPolicyArns", args.additionalPolicyArns);
    // An output ARN is judged by IAM when the attachment is made.
    for (const arn of plainValues(args.additionalPolicyArns)) {
      if (!/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/.+/.test(arn)) check.fail(`additionalPolicyArns: "${arn}" is not a managed policy ARN`);
    }
    const parent = { parent: this };
    const partition = aws.getPartitionOutput({}, parent).partition;

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        path,
        description: "Kamae: instance role of SSM-managed instances",
        assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"),
        permissionsBoundary: args.permissionsBoundaryArn,
        tags: args.tags,
      },
      parent,
    );
    new aws.iam.RolePolicyAttachment(`${name}-ssm-core`, { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/AmazonSSMManagedInstanceCore` }, parent);
    if (args.cloudWatchAgent) {
      new aws.iam.RolePolicyAttachment(`${name}-cloudwatch-agent`, { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/CloudWatchAgentServerPolicy` }, parent);
    }
    for (const [label, policyArn] of Object.entries(args.additionalPolicyArns ?? {})) {
      const child = labelledChild(`${name}-policy`, label, policyArn);
      new aws.iam.RolePolicyAttachment(child.name, { role: role.name, policyArn }, { ...parent, aliases: child.aliases });
    }
    const profile = new aws.iam.InstanceProfile(`${name}-profile`, { role: role.name, path, tags: args.tags }, parent);

    this.roleArn = role.arn;
    this.roleName = role.name;
    this.instanceProfileArn = profile.arn;
    this.instanceProfileName = profile.name;
    this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName, instanceProfileArn: this.instanceProfileArn, instanceProfileName: this.instanceProfileName });
  }
}
