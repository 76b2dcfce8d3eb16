import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy, Statement } from "../shared/iam/policy";
import { EnforcementMode } from "../shared/runtime/mode";
import { createEncryptionKey } from "../shared/kms";
import { stateTable } from "../shared/infra/state-table";
import { ResponderFunction } from "../shared/infra/responder-function";
import { checkedMemberAccounts, MemberAccountsArgs, validateMemberAccounts } from "../shared/member-accounts";
import { labelledChild } from "../shared/naming";
import { notificationTopic, type NotificationArgs, reportTopic, validateNotifications } from "../shared/notifications";
import { autoScalingGroupNamesSetting, checkedItems, checkedList, GUARDDUTY_SEVERITY, plainItems, plainValues, Validator } from "../shared/validation";
import { IsolationDefaults, IsolationEnv } from "./lambda/settings";
import { ISOLATION_GROUP_TAG } from "./lambda/model";
import { isolationActStatements } from "./permissions";

export interface IsolationDeepSecurityArgs {
  /** An existing topic the Deep Security manager publishes to; default: a KMS-encrypted topic created here. */
  readonly existingTopicArn?: pulumi.Input<string>;
  /**
   * The principals the Deep Security manager's event forwarding signs with (IAM user or role ARNs): the only ones the
   * created topic accepts messages from, so no other workload can forge an agent event. Required unless
   * `existingTopicArn` is given (then that topic's policy is yours to restrict). A list, or the whole list as one
   * output (checked when known).
   */
  readonly publisherArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** Event types that isolate (default IntegrityEvent and AntiMalwareEvent). */
  readonly eventTypes?: string[];
  /** Events that carry a severity must have at least this one (default 3). */
  readonly minimumSeverity?: number;
  /** Region the events' instances run in (events name the account only); default: the stack's Region. */
  readonly region?: pulumi.Input<string>;
}

export interface IsolationGuardDutyArgs {
  /** Create the EventBridge rule (default true). */
  readonly enabled?: boolean;
  /** Finding type prefixes that isolate (default Backdoor:EC2/, Trojan:EC2/, CryptoCurrency:EC2/). */
  readonly findingTypePrefixes?: string[];
  /** Minimum finding severity (default 7, high). */
  readonly minimumSeverity?: number;
}

export interface IsolationScopeArgs {
  /** Instances tagged `<tagKey>=true` are in scope (default `kamae:isolation-scope`; "" for none). */
  readonly tagKey?: string;
  /**
   * Instances of these Auto Scaling groups are in scope too (a group created in the same program as its `name`). The
   * list itself is plain: whether it is empty decides which statements the function's role has.
   */
  readonly autoScalingGroupNames?: pulumi.Input<string>[];
}

export interface IsolationCircuitBreakerArgs {
  /** At most this many isolations per window; then the function only notifies (default 3). */
  readonly maxIsolations?: number;
  /** The sliding window in seconds (default 3600). */
  readonly windowSeconds?: number;
}

export interface InstanceIsolationArgs {
  /** "detect" (default) reports the plan, changes nothing and takes no circuit-breaker slot; "enforce" isolates. */
  readonly mode?: EnforcementMode;
  /** Deep Security / Workload Security events on SNS; no trigger when omitted. */
  readonly deepSecurity?: IsolationDeepSecurityArgs;
  /** GuardDuty findings through EventBridge (on by default). */
  readonly guardDuty?: IsolationGuardDutyArgs;
  /**
   * Which instances may be isolated at all (default: those tagged `kamae:isolation-scope=true`); outside it nothing is
   * touched (reported as `out-of-scope`).
   */
  readonly scope?: IsolationScopeArgs;
  /** Instances tagged `<key>=true` are never isolated, reported as `protected` (default `kamae:protected`). */
  readonly protectionTagKey?: string;
  /**
   * At most so many isolations in a sliding window (default 3 per 3600 s); beyond it the function only notifies
   * (`breaker-open`, with the plan).
   */
  readonly circuitBreaker?: IsolationCircuitBreakerArgs;
  /**
   * VPCs to create the empty isolation group in now, by label (`{ main: vpc.id }`; the group is named from the label):
   * the function creates missing groups in other VPCs on demand.
   */
  readonly isolationVpcIds?: Record<string, pulumi.Input<string>>;
  /**
   * An existing instance profile that grants nothing, to swap onto isolated instances; default: one created here, whose
   * role has no policy.
   */
  readonly isolationInstanceProfileName?: pulumi.Input<string>;
  /**
   * Instance roles a release may hand back to EC2 (and, with `revokeRoleSessions`, whose older sessions isolation may
   * deny), by name or `path/name` pattern (`app/*`), in every account acted in. Roles tagged `<scope.tagKey>=true`
   * may have their older sessions denied too when the scope is that tag alone, but are not handed back (IAM does not
   * reliably evaluate a role's tags for `iam:PassRole`). Default: none named. A release cannot give an instance back a
   * role that is not named: it reports the failed step and the profile is reattached by hand. Names and the list may
   * be outputs (`[webRole.name]`); a bad one known only at deploy fails the deployment as a plain one fails preview.
   */
  readonly instanceRoleNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** Snapshot every volume of an isolated instance after the cut (default true). */
  readonly snapshots?: boolean;
  /**
   * Also deny every session of the instance's role issued before the isolation (`aws:TokenIssueTime`; opt-in: hits all
   * instances sharing the role; default false).
   */
  readonly revokeRoleSessions?: boolean;
  /**
   * A finding an operator released isolates again when GuardDuty updates it later (a newer `updatedAt`): opt-in.
   * Default false: the update is reported, the instance left released. A replay of the released update never isolates.
   */
  readonly reisolateUpdatedFindings?: boolean;
  /**
   * Act on GuardDuty sample findings ("Generate sample findings": `service.additionalInfo.sample` true) as if they
   * were real, for a drill. Default false: they are dismissed (logged) and nothing is done or published.
   */
  readonly actOnSampleFindings?: boolean;
  /** Where reports go; default: a KMS-encrypted topic created here. */
  readonly notifications?: NotificationArgs;
  /** Member accounts the function may act in, through MemberAccountAccess roles. */
  readonly memberAccounts?: MemberAccountsArgs;
  /** Retention of the function's logs in days (default 365). */
  readonly logRetentionDays?: number;
}

const TYPE_PREFIX = /^[A-Za-z]+:(?:[A-Za-z0-9]+\/[\w.!&-]*)?$/;

const NO_NAMED_ROLES = "revokeRoleSessions needs instance roles to act on: name them in instanceRoleNames (the scope is not the tag alone)";

/** Session revocation with a scope that does not tag roles: only named roles can then be acted on. */
function needsNamedRoles(args: InstanceIsolationArgs): boolean {
  const tagKey = args.scope?.tagKey ?? IsolationDefaults.scopeTagKey;
  return args.revokeRoleSessions === true && ((args.scope?.autoScalingGroupNames ?? []).length > 0 || tagKey === "");
}

/** `instanceRoleNames` once known, checked as `validate` checks the plain ones (an output's value fails the deployment). */
function instanceRoleNames(args: InstanceIsolationArgs): pulumi.Output<string[]> | undefined {
  if (args.instanceRoleNames === undefined) return undefined;
  const check: Validator = new Validator("InstanceIsolation");
  return checkedList(args.instanceRoleNames, (role) => check.roleNamePattern("instanceRoleNames", role)).apply((names) => {
    if (names.length === 0 && needsNamedRoles(args)) check.fail(NO_NAMED_ROLES);
    return names;
  });
}

const checkPublisher = (arn: string) => new Validator("InstanceIsolation").arn("deepSecurity.publisherArns", arn, "iam");
/** A created Deep Security topic accepts only its publishers: none would leave it accepting no event. */
const checkPublisherCount = (arns: readonly unknown[]) => {
  if (arns.length === 0) new Validator("InstanceIsolation").fail("deepSecurity.publisherArns: name the principal the Deep Security manager publishes with (the topic accepts no one else), or give existingTopicArn");
};

function validate(args: InstanceIsolationArgs): void {
  const check: Validator = new Validator("InstanceIsolation");
  check.oneOf("mode", args.mode, EnforcementMode);
  const publishers = args.deepSecurity?.publisherArns ?? [];
  if (args.deepSecurity !== undefined && args.deepSecurity.existingTopicArn === undefined && Array.isArray(publishers)) checkPublisherCount(publishers);
  check.arn("deepSecurity.existingTopicArn", args.deepSecurity?.existingTopicArn, "sns");
  for (const arn of plainItems(publishers)) checkPublisher(arn);
  const breaker = args.circuitBreaker ?? {};
  check.integer("circuitBreaker.maxIsolations", breaker.maxIsolations, 0, 1000);
  check.integer("circuitBreaker.windowSeconds", breaker.windowSeconds, 60, 604800);
  for (const prefix of args.guardDuty?.findingTypePrefixes ?? []) {
    if (!TYPE_PREFIX.test(prefix)) check.fail(`guardDuty.findingTypePrefixes: "${prefix}" is not a finding type prefix like "Backdoor:EC2/"`);
  }
  if (args.guardDuty?.findingTypePrefixes?.length === 0) check.fail("guardDuty.findingTypePrefixes is empty: no finding would isolate (disable the trigger instead)");
  check.number("guardDuty.minimumSeverity", args.guardDuty?.minimumSeverity, GUARDDUTY_SEVERITY.min, GUARDDUTY_SEVERITY.max);
  check.number("deepSecurity.minimumSeverity", args.deepSecurity?.minimumSeverity, 0, Number.MAX_SAFE_INTEGER);
  if (args.deepSecurity?.eventTypes?.length === 0) check.fail("deepSecurity.eventTypes is empty: no event would isolate");
  for (const t of args.deepSecurity?.eventTypes ?? []) if (!/^[A-Za-z]+$/.test(t)) check.fail(`deepSecurity.eventTypes: "${t}" is not an event type`);
  for (const [what, flag] of [["reisolateUpdatedFindings", args.reisolateUpdatedFindings], ["actOnSampleFindings", args.actOnSampleFindings]] as const) {
    if (flag !== undefined && typeof flag !== "boolean") check.fail(`${what} must be true or false`);
  }
  check.labelMap("isolationVpcIds", args.isolationVpcIds);
  for (const vpc of plainValues(args.isolationVpcIds)) check.vpcId("isolationVpcIds", vpc);
  const tagKey = args.scope?.tagKey;
  if (tagKey !== undefined && tagKey !== "" && (tagKey.length > 128 || tagKey.startsWith("aws:"))) check.fail(`scope.tagKey "${tagKey}" is not a usable tag key`);
  if (tagKey === "" && (args.scope?.autoScalingGroupNames ?? []).length === 0) check.fail("scope has neither a tag key nor Auto Scaling groups: no instance could ever be isolated");
  check.autoScalingGroupNames("scope.autoScalingGroupNames", args.scope?.autoScalingGroupNames);
  for (const role of plainItems(args.instanceRoleNames)) check.roleNamePattern("instanceRoleNames", role);
  if (needsNamedRoles(args) && (args.instanceRoleNames === undefined || (Array.isArray(args.instanceRoleNames) && args.instanceRoleNames.length === 0))) check.fail(NO_NAMED_ROLES);
  if (args.protectionTagKey !== undefined && (args.protectionTagKey === "" || args.protectionTagKey.length > 128)) check.fail("protectionTagKey must be a non-empty tag key");
  validateMemberAccounts("InstanceIsolation", args.memberAccounts);
  validateNotifications(check, args.notifications);
  check.logRetentionDays("logRetentionDays", args.logRetentionDays);
}

/** The EventBridge pattern of the GuardDuty trigger (exported for tests and for users who route findings themselves). */
export function isolationGuardDutyEventPattern(prefixes: readonly string[], minimumSeverity: number): Record<string, unknown> {
  return {
    source: ["aws.guardduty"],
    "detail-type": ["GuardDuty Finding"],
    detail: {
      type: prefixes.map((prefix) => ({ prefix })),
      severity: [{ numeric: [">=", minimumSeverity] }],
      resource: { resourceType: ["Instance"] },
    },
  };
}

/**
 * Isolates a compromised EC2 instance within seconds of a Deep Security event or a GuardDuty finding, without a human
 * in the loop: evidence preserved, the instance out of its Auto Scaling group (a replacement launches) and its target
 * groups, every ENI moved through an allow-all group to a group with no rules (so tracked connections drop), Elastic
 * IPs disassociated, the instance profile swapped for one that grants nothing, every volume snapshotted, each step
 * reported to a KMS-encrypted topic. Bounded by a scope, a protection tag, a circuit breaker in DynamoDB and a detect
 * mode; a `kamae.release` request restores the recorded state.
 *
 * Creates: a KMS key, the report topic (or uses one), a DynamoDB table (records, breaker), an isolation instance
 * profile, the empty isolation groups of `isolationVpcIds`, the responder function with its failure queue and alarm,
 * and the triggers.
 */
export class InstanceIsolation extends pulumi.ComponentResource {
  /** The function; GuardDutyResponder and operators invoke it directly with `kamae.isolate` / `kamae.release`. */
  public readonly functionArn: pulumi.Output<string>;
  /** The function's name. */
  public readonly functionName: pulumi.Output<string>;
  /** The topic every report is published to (created or given). */
  public readonly reportTopicArn: pulumi.Output<string>;
  /** The topic the Deep Security manager publishes to (undefined without that trigger). */
  public readonly deepSecurityTopicArn: pulumi.Output<string | undefined>;
  /** The EventBridge rule of GuardDuty findings (undefined when `guardDuty.enabled` is false). */
  public readonly guardDutyRuleArn: pulumi.Output<string | undefined>;
  /** The DynamoDB table of isolation records and the circuit breaker. */
  public readonly tableName: pulumi.Output<string>;
  /** The instance profile swapped onto isolated instances. */
  public readonly isolationInstanceProfileName: pulumi.Output<string>;
  /** The empty isolation group of each VPC in `isolationVpcIds`, by its label there. */
  public readonly isolationSecurityGroupIds: pulumi.Output<Record<string, string>>;
  /** The key of the topics and table created here and of the function's failure queue. */
  public readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: InstanceIsolationArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:InstanceIsolation", name, args, opts);
    validate(args);
    const parent = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent).partition;
    const region = aws.getRegionOutput({}, parent).region;
    const account = identity.accountId;

    const key = createEncryptionKey(
      `${name}-key`,
      {
        description: `Kamae ${name}: instance isolation reports, state, logs and failures`,
        servicePrincipals: ["sns.amazonaws.com", "events.amazonaws.com", "cloudwatch.amazonaws.com"],
        allowCloudWatchLogs: true,
      },
      parent,
    );
    const reports = reportTopic(`${name}-reports`, args.notifications, key, parent);
    const reportTopicArn = reports.topicArn;

    const table = stateTable(`${name}-state`, { kmsKeyArn: key.arn, hashKey: "pk", ttlAttribute: "expiresAt" }, parent);

    let profileName: pulumi.Output<string>;
    let isolationRoleArn: pulumi.Output<string> | undefined;
    // The one role isolation hands to EC2: the given profile's, or the one created here.
    let isolationRoleName: pulumi.Output<string>;
    if (args.isolationInstanceProfileName !== undefined) {
      profileName = pulumi.output(args.isolationInstanceProfileName);
      isolationRoleName = aws.iam.getInstanceProfileOutput({ name: args.isolationInstanceProfileName }, parent).roleName;
    } else {
      // A role with no policy at all: whatever runs on the isolated instance gets credentials that can do nothing.
      const role = new aws.iam.Role(
        `${name}-isolation-role`,
        { description: "Kamae: role of isolated instances; grants nothing", assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com") },
        parent,
      );
      const profile = new aws.iam.InstanceProfile(`${name}-isolation-profile`, { role: role.name }, parent);
      profileName = profile.name;
      isolationRoleArn = role.arn;
      isolationRoleName = role.name;
    }

    const groups: Record<string, pulumi.Output<string>> = {};
    for (const [label, vpcId] of Object.entries(args.isolationVpcIds ?? {})) {
      const child = labelledChild(`${name}-isolation`, label, vpcId);
      const group = new aws.ec2.SecurityGroup(
        child.name,
        {
          vpcId,
          description: "Kamae isolation: no rules, no traffic in or out",
          ingress: [],
          egress: [],
          revokeRulesOnDelete: true,
          tags: { Name: pulumi.interpolate`kamae-isolation-${vpcId}`, [ISOLATION_GROUP_TAG]: "empty" },
        },
        { ...parent, aliases: child.aliases },
      );
      groups[label] = group.id;
    }

    const scopeTagKey = args.scope?.tagKey ?? IsolationDefaults.scopeTagKey;
    const scopeGroups = args.scope?.autoScalingGroupNames ?? [];
    // Instances of the scope's Auto Scaling groups need not carry the tag: then the tag cannot bound the roles.
    const tagAlone = scopeGroups.length === 0 ? scopeTagKey || undefined : undefined;
    const statements: Statement[] = [
      ...isolationActStatements({
        partition,
        accountId: account,
        revokeRoleSessions: args.revokeRoleSessions,
        scopeTagKey: scopeTagKey || undefined,
        scopeAutoScalingGroups: scopeGroups.length > 0 ? scopeGroups : undefined,
        isolationRoleName,
        instanceRoleTagKey: tagAlone,
        instanceRoleNames: instanceRoleNames(args),
      }),
      { sid: "IsolationState", actions: ["dynamodb:GetItem", "dynamodb:PutItem"], resources: [table.arn] },
      ...reports.publishStatements,
    ];

    const e = IsolationEnv;
    const d = IsolationDefaults;
    const gdPrefixes = args.guardDuty?.findingTypePrefixes ?? d.guardDutyTypePrefixes;
    const gdSeverity = args.guardDuty?.minimumSeverity ?? d.guardDutyMinSeverity;
    const breaker = args.circuitBreaker ?? {};
    const environment: Record<string, pulumi.Input<string>> = {
      [e.mode]: args.mode ?? d.mode,
      [e.tableName]: table.name,
      [e.reportTopicArn]: reportTopicArn,
      [e.isolationProfileName]: profileName,
      [e.scopeTagKey]: scopeTagKey,
      [e.scopeAutoScalingGroups]: autoScalingGroupNamesSetting("InstanceIsolation", "scope.autoScalingGroupNames", scopeGroups),
      [e.protectionTagKey]: args.protectionTagKey ?? d.protectionTagKey,
      [e.breakerMaxIsolations]: String(breaker.maxIsolations ?? d.breakerMaxIsolations),
      [e.breakerWindowSeconds]: String(breaker.windowSeconds ?? d.breakerWindowSeconds),
      [e.deepSecurityEventTypes]: (args.deepSecurity?.eventTypes ?? d.deepSecurityEventTypes).join(","),
      [e.deepSecurityMinSeverity]: String(args.deepSecurity?.minimumSeverity ?? d.deepSecurityMinSeverity),
      [e.deepSecurityRegion]: args.deepSecurity?.region ?? region,
      [e.guardDutyTypePrefixes]: gdPrefixes.join(","),
      [e.guardDutyMinSeverity]: String(gdSeverity),
      [e.snapshots]: String(args.snapshots ?? d.snapshots),
      [e.revokeRoleSessions]: String(args.revokeRoleSessions ?? d.revokeRoleSessions),
      [e.reisolateUpdatedFindings]: String(args.reisolateUpdatedFindings ?? d.reisolateUpdatedFindings),
      [e.actOnSampleFindings]: String(args.actOnSampleFindings ?? d.actOnSampleFindings),
    };

    const responder = new ResponderFunction(
      `${name}-responder`,
      {
        code: "isolate-instance",
        description: "Kamae: isolates compromised EC2 instances (and releases them on request)",
        environment,
        statements,
        kmsKey: key,
        alarmTopicArn: reportTopicArn,
        timeoutSeconds: 120,
        memorySize: 512,
        logRetentionDays: args.logRetentionDays,
        memberAccounts: checkedMemberAccounts("InstanceIsolation", args.memberAccounts),
        // Session revocation writes IAM: the role can then never do more than this policy, whatever is attached later.
        boundedByOwnPolicy: args.revokeRoleSessions === true,
      },
      parent,
    );

    let deepSecurityTopicArn: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (args.deepSecurity) {
      const topicArn = notificationTopic(`${name}-deep-security`, { existingTopicArn: args.deepSecurity.existingTopicArn, kmsKey: key, publishers: checkedItems(args.deepSecurity.publisherArns ?? [], checkPublisher, checkPublisherCount) }, parent);
      responder.subscribe(`${name}-deep-security-subscription`, topicArn);
      deepSecurityTopicArn = topicArn;
    }

    let guardDutyRuleArn: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (args.guardDuty?.enabled ?? true) {
      const rule = new aws.cloudwatch.EventRule(
        `${name}-guardduty`,
        { description: "Kamae: GuardDuty findings that isolate an EC2 instance", eventPattern: JSON.stringify(isolationGuardDutyEventPattern(gdPrefixes, gdSeverity)) },
        parent,
      );
      responder.trigger(`${name}-guardduty-target`, rule, { retry: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 } });
      guardDutyRuleArn = rule.arn;
    }

    this.functionArn = responder.functionArn;
    this.functionName = responder.function.name;
    this.reportTopicArn = reportTopicArn;
    this.deepSecurityTopicArn = deepSecurityTopicArn;
    this.guardDutyRuleArn = guardDutyRuleArn;
    this.tableName = table.name;
    this.isolationInstanceProfileName = profileName;
    this.isolationSecurityGroupIds = pulumi.output(groups);
    this.kmsKeyArn = key.arn;
    this.registerOutputs({
      functionArn: this.functionArn,
      functionName: this.functionName,
      reportTopicArn: this.reportTopicArn,
      deepSecurityTopicArn: this.deepSecurityTopicArn,
      guardDutyRuleArn: this.guardDutyRuleArn,
      tableName: this.tableName,
      isolationInstanceProfileName: this.isolationInstanceProfileName,
      isolationRoleArn: isolationRoleArn,
      isolationSecurityGroupIds: this.isolationSecurityGroupIds,
      kmsKeyArn: this.kmsKeyArn,
    });
  }
}
