import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkedItems, checkedList, checkedValue, componentError, isPlain, joinLists, listOutput, plainItems, plainValues, Validator } from "../shared/validation";
import { IsolationDefaults } from "../instance-isolation/lambda/settings";
import { managedPolicyOversize, policyDocument, serviceTrustPolicy, type Statement } from "../shared/iam/policy";
import { queueBacklogAlarm } from "../shared/alarms";
import { type DeadLetterSource, deadLetterQueue, deadLetterQueuePolicy } from "../shared/infra/dead-letters";
import { createEncryptionKey } from "../shared/kms";
import { labelledChild, RESPONDER_ROLE_PATH } from "../shared/naming";
import { RESPONSE_ACTIONS, type ResponseAction } from "../guardduty-responder/lambda/routing";
import { validateProtectedPrincipals } from "../guardduty-responder/lambda/protected-principals";
import { type CentralResponder, CENTRAL_RESPONDERS, memberStatements } from "./permissions";

/** GuardDutyResponder's actions that act in the finding's account (the others go through other responders or notify). */
const GUARDDUTY_ACTIONS_HERE: readonly ResponseAction[] = ["scan", "restrictCredentials", "blockPublicAccess", "protectBucket"];

export { CentralResponder, CENTRAL_RESPONDERS } from "./permissions";

/** The role name the central responders assume unless told otherwise (their `memberAccounts.roleName`). */
export const DEFAULT_MEMBER_ROLE_NAME = "kamae-central-responder";

/** The isolation instance profile's name unless told otherwise (the central InstanceIsolation's `isolationInstanceProfileName`). */
export const DEFAULT_ISOLATION_PROFILE_NAME = "kamae-isolation";

/** Actions that change who may do what: a role granted one of them gets a permissions boundary. */
const IAM_WRITES = ["iam:PutRolePolicy", "iam:PutUserPolicy", "iam:UpdateAccessKey", "iam:PassRole"];

/**
 * The member role's boundary: its IAM statements and every Deny exactly as granted, the other responders' actions on
 * any resource (a managed policy holds 6,144 characters, less than the role's inline policies together may).
 */
function boundaryStatements(statements: readonly Statement[]): Statement[] {
  const exact = statements.filter((s) => s.effect === "Deny" || s.actions.some((a) => a.startsWith("iam:")));
  const others = [...new Set(statements.filter((s) => !exact.includes(s)).flatMap((s) => s.actions))];
  return [...exact, ...(others.length > 0 ? [{ sid: "OtherResponderActions", actions: others, resources: ["*"] }] : [])];
}

/**
 * The boundary's document, checked against IAM's managed policy size once known (at deploy, when outputs resolve; at
 * preview when every value is known): too large, the deployment fails before anything is created, naming what grew it.
 */
export function boundaryPolicy(statements: readonly Statement[]): pulumi.Output<string> {
  // A statement whose resources (from a list given as an output) resolve empty grants nothing: its actions stay out of
  // the boundary too, as a plain empty list leaves out the statement.
  const resolved = pulumi.all(statements.map((s) => listOutput(s.resources)));
  return resolved.apply((resources) => policyDocument(boundaryStatements(statements.filter((_, i) => resources[i].length > 0)))).apply((doc) => {
    const over = managedPolicyOversize(doc);
    if (over !== undefined) {
      throw componentError("MemberAccountAccess", `the member role's permissions boundary is ${over}. Shorten the lists that fill them (protected principals, instance role names, buckets: one pattern can cover several)`);
    }
    return doc;
  });
}

/** The role of the isolation instance profile created here. */
const isolationRoleNameOf = (profileName: pulumi.Output<string>) => pulumi.interpolate`${profileName}-role`;

/** The isolation profile's name: at most 59 characters, as its role's name adds "-role" to it. */
function checkProfileName(check: Validator, profile: string): void {
  if (!/^[\w+=,.@-]{1,59}$/.test(profile)) check.fail(`"${profile}" is not a usable instance profile name (at most 59 characters: its role adds "-role")`);
}

/** Security events a member account forwards to the central account's event bus. */
const FORWARDED_EVENTS: Record<string, { source: string[]; "detail-type": string[] }> = {
  "guardduty-findings": { source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] },
  "malware-scan-results": { source: ["aws.guardduty"], "detail-type": ["GuardDuty Malware Protection Object Scan Result"] },
  "inspector-findings": { source: ["aws.inspector2"], "detail-type": ["Inspector2 Finding"] },
  "macie-findings": { source: ["aws.macie"], "detail-type": ["Macie Finding"] },
  "instance-state-changes": { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
};

export interface MemberAccountAccessArgs {
  /** The central security account whose responders act in this account. */
  readonly centralAccountId: pulumi.Input<string>;
  /** Secret the central responders present when assuming the role (the confused-deputy guard); their KAMAE_EXTERNAL_ID. */
  readonly externalId: pulumi.Input<string>;
  /**
   * Central roles allowed to assume the role (ARNs, wildcards allowed); default: the central responders' roles, which
   * all live under the `/kamae/` path of the central account. The external id sits in plain function configuration:
   * it is defence in depth, not what keeps other central principals out. The ARNs and the list may be outputs (the
   * central functions' roles through a stack reference); an empty list means the default.
   */
  readonly centralPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** The AWS Organizations id of the central account: the trust then also requires `aws:PrincipalOrgID`. */
  readonly organizationId?: pulumi.Input<string>;
  /**
   * Name of the role (default `kamae-central-responder`, `DEFAULT_MEMBER_ROLE_NAME`); the central deployment's
   * `memberAccounts.roleName`.
   */
  readonly roleName?: string;
  /**
   * Which central responders act in this account (at least one): the role carries their permissions and nothing more.
   */
  readonly responders: CentralResponder[];
  /**
   * Buckets in this account that the central MalwareQuarantine moves objects out of (required with malware-quarantine).
   * A list, or the whole list as one output (checked when known).
   */
  readonly quarantineSourceBucketNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** KMS keys that encrypt those buckets (decrypt for the copy); a list, or the whole list as one output. */
  readonly quarantineSourceKeyArns?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The central MalwareQuarantine's quarantine bucket (its `quarantineBucketName` output): the member role writes the
   * copies (required with malware-quarantine).
   */
  readonly quarantineBucketName?: pulumi.Input<string>;
  /** The KMS key of that bucket (the central MalwareQuarantine grants the member role on a key it created). */
  readonly quarantineKmsKeyArn?: pulumi.Input<string>;
  /** The central MalwareQuarantine's `cleanBucketName`, when it promotes clean objects. */
  readonly quarantineCleanBucketName?: pulumi.Input<string>;
  /** The KMS key of that clean bucket. */
  readonly quarantineCleanBucketKmsKeyArn?: pulumi.Input<string>;
  /**
   * Name of the instance profile (a role with no permissions) created here for InstanceIsolation; pass the same name as
   * the central InstanceIsolation's `isolationInstanceProfileName` (default kamae-isolation), e.g. its output through a
   * stack reference.
   */
  readonly isolationInstanceProfileName?: pulumi.Input<string>;
  /** The central InstanceIsolation's `revokeRoleSessions`: the member role may then deny instance roles' older sessions. */
  readonly isolationRevokeRoleSessions?: boolean;
  /**
   * The central InstanceIsolation's `scope.tagKey` (default `kamae:isolation-scope`; "" for none): the member role
   * changes only instances carrying `<key>=true`, or of `isolationScopeAutoScalingGroupNames`.
   */
  readonly isolationScopeTagKey?: string;
  /**
   * The central InstanceIsolation's `scope.autoScalingGroupNames`: the member role also changes instances carrying
   * `aws:autoscaling:groupName` with one of these names (and those it marked isolated before detaching them). Names may
   * be outputs; the list itself is plain, as whether it is empty decides which statements the role has.
   */
  readonly isolationScopeAutoScalingGroupNames?: pulumi.Input<string>[];
  /**
   * The central InstanceIsolation's `instanceRoleNames`: instance roles a release may hand back here (names and the list
   * may be outputs, e.g. of roles created in this account's program).
   */
  readonly isolationInstanceRoleNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** The actions of the central GuardDutyResponder's routes (`scan`, `restrictCredentials`, `blockPublicAccess`, `protectBucket` act here); required with guardduty-responder. */
  readonly guardDutyActions?: ResponseAction[];
  /**
   * The central GuardDutyResponder's `scanDocumentName` (needed with `scan`); the document must exist in this account
   * or be one of AWS's (may be an output: a document created in this account's program).
   */
  readonly guardDutyScanDocumentName?: pulumi.Input<string>;
  /**
   * The central GuardDutyResponder's `protectedPrincipals`: never restricted here either (this role always is). A list,
   * or the whole list as one output (checked when known).
   */
  readonly guardDutyProtectedPrincipals?: pulumi.Input<pulumi.Input<string>[]>;
  /** The central PatchOnFinding uses a maintenance window (instances are tagged instead of patched at once). */
  readonly patchMaintenanceWindow?: boolean;
  /** The central PatchOnFinding's `pendingTagKey` (default kamae:patch-pending). */
  readonly patchPendingTagKey?: string;
  /**
   * The central PatchOnFinding's `scopeTagKey` and `scopeAutoScalingGroups`: the member role then patches and tags only
   * instances carrying `<key>=true`, or `aws:autoscaling:groupName` with one of the groups. Default: neither (every
   * instance, as the central default).
   */
  readonly patchScopeTagKey?: string;
  /**
   * The central PatchOnFinding's `scopeAutoScalingGroups` (see `patchScopeTagKey`). Names may be outputs; the list
   * itself is plain, as whether it is empty decides which statements the role has.
   */
  readonly patchScopeAutoScalingGroups?: pulumi.Input<string>[];
  /** KMS keys of the CloudTrail log files in `cloudTrailBucketNames`; a list, or the whole list as one output. */
  readonly cloudTrailKmsKeyArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** The central account's event bus (default: its default bus in this Region). */
  readonly centralEventBusArn?: pulumi.Input<string>;
  /** Which security events to forward: guardduty-findings, malware-scan-results, inspector-findings, macie-findings, instance-state-changes (default: the first two). */
  readonly forwardEvents?: string[];
  /**
   * CloudTrail buckets of this account whose new log files the central ApiActivityAlerts reads, by label
   * (`{ org: trailBucket.bucket }`): EventBridge notifications are enabled on them and new CloudTrail log objects
   * forwarded, by children named from the label (required with api-activity-alerts).
   */
  readonly cloudTrailBucketNames?: Record<string, pulumi.Input<string>>;
  /**
   * Deep Security topics of this account, by label (`{ agents: topic.arn }`), subscribed to the central functions that
   * consume them (each subscription named from the function's and the topic's labels).
   */
  readonly deepSecurityTopicArns?: Record<string, pulumi.Input<string>>;
  /** The central functions that consume Deep Security events, by label (e.g. `{ isolation: "arn:…", waf: "arn:…" }`). */
  readonly deepSecurityFunctionArns?: Record<string, pulumi.Input<string>>;
}

/**
 * Deployed into each member account: the role that Kamae's central responders assume to act here (trusting only the
 * central account, with the external id; carrying exactly the permissions of the enabled responders), and the
 * forwarding of this account's security events to the central event bus, so one central deployment responds for
 * every account.
 */
export class MemberAccountAccess extends pulumi.ComponentResource {
  /** ARN of the role the central responders assume. */
  public readonly roleArn: pulumi.Output<string>;
  /** Name of that role (the central deployment's `memberAccounts.roleName`). */
  public readonly roleName: pulumi.Output<string>;
  /** The event types forwarded to the central bus. */
  public readonly forwardedEvents: pulumi.Output<string[]>;
  /** The isolation instance profile created here (undefined without instance-isolation). */
  public readonly isolationInstanceProfileName: pulumi.Output<string | undefined>;

  constructor(name: string, args: MemberAccountAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:MemberAccountAccess", name, args, opts);
    const parent = { parent: this };
    validate(args);

    const identity = aws.getCallerIdentityOutput({}, parent);
    const region = aws.getRegionOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent).partition;
    const roleName = args.roleName ?? DEFAULT_MEMBER_ROLE_NAME;
    const check: Validator = new Validator("MemberAccountAccess");
    const isolationProfile = checkedValue(args.isolationInstanceProfileName ?? DEFAULT_ISOLATION_PROFILE_NAME, (p) => checkProfileName(check, p));

    const trust = pulumi
      .all([args.centralAccountId, args.externalId, partition, pulumi.output(args.centralPrincipalArns ?? []), pulumi.output(args.organizationId)])
      .apply(([central, externalId, part, given, org]) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "CentralResponders",
              Effect: "Allow",
              Principal: { AWS: `arn:${part}:iam::${central}:root` },
              Action: "sts:AssumeRole",
              Condition: {
                StringEquals: { "sts:ExternalId": externalId, ...(org ? { "aws:PrincipalOrgID": org } : {}) },
                ArnLike: { "aws:PrincipalArn": given.length > 0 ? given : [`arn:${part}:iam::${central}:role${RESPONDER_ROLE_PATH}*`] },
              },
            },
          ],
        }),
      );
    const context = {
      partition,
      accountId: identity.accountId,
      quarantineSourceBucketNames: checkedItems(args.quarantineSourceBucketNames ?? [], checkQuarantineSourceBucket, (names) => checkQuarantineSourceCount(args, names)),
      quarantineSourceKeyArns: checkedItems(args.quarantineSourceKeyArns ?? [], checkKeyArn),
      quarantineBucketName: args.quarantineBucketName,
      quarantineKmsKeyArn: args.quarantineKmsKeyArn,
      cleanBucketName: args.quarantineCleanBucketName,
      cleanBucketKmsKeyArn: args.quarantineCleanBucketKmsKeyArn,
      revokeRoleSessions: args.isolationRevokeRoleSessions,
      isolationScopeTagKey: (args.isolationScopeTagKey ?? IsolationDefaults.scopeTagKey) || undefined,
      isolationScopeAutoScalingGroupNames: args.isolationScopeAutoScalingGroupNames?.map((g) => checkedValue(g, (v) => check.autoScalingGroupNames("isolationScopeAutoScalingGroupNames", [v]))),
      isolationRoleName: isolationRoleNameOf(isolationProfile),
      isolationInstanceRoleNames:
        args.isolationInstanceRoleNames === undefined ? undefined : checkedList(args.isolationInstanceRoleNames, (role) => check.roleNamePattern("isolationInstanceRoleNames", role)),
      guardDutyActions: args.guardDutyActions,
      guardDutyScanDocumentName: args.guardDutyScanDocumentName === undefined ? undefined : checkedValue(args.guardDutyScanDocumentName, (d) => check.ssmDocumentName("guardDutyScanDocumentName", d)),
      guardDutyProtectedPrincipals: joinLists(checkedItems(args.guardDutyProtectedPrincipals ?? [], (entry) => checkProtectedPrincipals([entry])), [roleName]),
      patchMaintenanceWindow: args.patchMaintenanceWindow,
      patchPendingTagKey: args.patchPendingTagKey,
      patchScopeTagKey: args.patchScopeTagKey || undefined,
      patchScopeAutoScalingGroups: args.patchScopeAutoScalingGroups?.map((g) => checkedValue(g, (v) => check.autoScalingGroupNames("patchScopeAutoScalingGroups", [v]))),
      cloudTrailBucketNames: Object.values(args.cloudTrailBucketNames ?? {}),
      cloudTrailKmsKeyArns: args.cloudTrailKmsKeyArns === undefined ? undefined : checkedItems(args.cloudTrailKmsKeyArns, checkKeyArn),
    };
    const responders = [...new Set(args.responders)].sort().map((responder) => ({ responder, statements: memberStatements(responder, context) }));
    const all = responders.flatMap((r) => r.statements);
    // A role that writes IAM is bounded as the central credential steps are: whatever is attached to it later, it can
    // never do more than the responders' statements, and their Deny statements hold.
    const boundary = all.some((s) => s.effect !== "Deny" && s.actions.some((a) => IAM_WRITES.includes(a)))
      ? new aws.iam.Policy(`${name}-boundary`, { description: "Kamae: permissions boundary of the central responders' role", policy: boundaryPolicy(all) }, parent)
      : undefined;
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: roleName,
        assumeRolePolicy: trust,
        maxSessionDuration: 3600,
        description: "Kamae: the central security account's responders act in this account",
        permissionsBoundary: boundary?.arn,
      },
      parent,
    );
    for (const { responder, statements } of responders) {
      new aws.iam.RolePolicy(`${name}-${responder}`, { role: role.id, name: `kamae-${responder}`, policy: policyDocument(statements) }, parent);
    }

    let isolationProfileName: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (args.responders.includes("instance-isolation")) {
      // Isolation swaps this profile onto the instance, by name: it must exist in every account isolated in.
      const isolationRole = new aws.iam.Role(
        `${name}-isolation-role`,
        { name: isolationRoleNameOf(isolationProfile), description: "Kamae: role of isolated instances; grants nothing", assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com") },
        parent,
      );
      const profile = new aws.iam.InstanceProfile(`${name}-isolation-profile`, { name: isolationProfile, role: isolationRole.name }, parent);
      isolationProfileName = profile.name;
    }

    const forwarded = [...new Set(args.forwardEvents ?? ["guardduty-findings", "malware-scan-results"])].sort();
    const centralBus =
      args.centralEventBusArn ??
      pulumi.interpolate`arn:${partition}:events:${region.region}:${args.centralAccountId}:event-bus/default`;
    const trailBuckets = Object.entries(args.cloudTrailBucketNames ?? {});
    const needsForwarding = forwarded.length > 0 || trailBuckets.length > 0;
    const subscriptions = Object.entries(args.deepSecurityTopicArns ?? {}).flatMap(([topicLabel, topic]) =>
      Object.entries(args.deepSecurityFunctionArns ?? {}).map(([label, fn]) => ({ topic, child: labelledChild(`${name}-ds-${label}`, topicLabel, topic), fn })),
    );
    // Events EventBridge cannot forward, and messages SNS cannot deliver to a central function, wait here (alarmed).
    const deadLetterSources: DeadLetterSource[] = [];
    let deadLetters: aws.sqs.Queue | undefined;
    if (needsForwarding || subscriptions.length > 0) {
      const key = createEncryptionKey(`${name}-key`, { description: `Kamae MemberAccountAccess ${name}: undelivered security events`, servicePrincipals: ["events.amazonaws.com", "sns.amazonaws.com"] }, parent);
      deadLetters = deadLetterQueue(`${name}-undelivered`, key.arn, parent);
      deadLetterQueuePolicy(`${name}-undelivered-policy`, deadLetters, deadLetterSources, parent);
      queueBacklogAlarm(`${name}-undelivered-alarm`, { description: `Kamae MemberAccountAccess ${name}: security events that could not reach the central account`, queueName: deadLetters.name }, parent);
    }
    if (needsForwarding) {
      const forwarder = new aws.iam.Role(
        `${name}-forwarder`,
        {
          assumeRolePolicy: pulumi.all([identity.accountId]).apply(([account]) =>
            JSON.stringify({
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
            }),
          ),
          description: "Kamae: forwards this account's security events to the central event bus",
        },
        parent,
      );
      new aws.iam.RolePolicy(
        `${name}-forwarder-policy`,
        { role: forwarder.id, policy: policyDocument([{ sid: "PutToCentralBus", actions: ["events:PutEvents"], resources: [centralBus] }]) },
        parent,
      );
      // formerName: the name the rule (and its target) had before, kept as an alias so a rename replaces nothing.
      const forward = (ruleName: string, pattern: pulumi.Input<object>, formerName?: string) => {
        const aliases = (suffix: string) => (formerName !== undefined ? [{ name: `${formerName}${suffix}` }] : []);
        const rule = new aws.cloudwatch.EventRule(
          `${name}-${ruleName}`,
          { description: `Kamae: forward ${ruleName} to the central account`, eventPattern: pulumi.output(pattern).apply((p) => JSON.stringify(p)) },
          { ...parent, aliases: aliases("") },
        );
        deadLetterSources.push({ service: "events.amazonaws.com", sourceArn: rule.arn });
        new aws.cloudwatch.EventTarget(
          `${name}-${ruleName}-target`,
          { rule: rule.name, arn: centralBus, roleArn: forwarder.arn, retryPolicy: { maximumEventAgeInSeconds: 86_400, maximumRetryAttempts: 185 }, deadLetterConfig: { arn: deadLetters!.arn } },
          { ...parent, aliases: aliases("-target") },
        );
      };
      for (const event of forwarded) forward(event, FORWARDED_EVENTS[event]);
      for (const [label, bucket] of trailBuckets) {
        const child = labelledChild(`${name}-trail`, label, bucket);
        // S3 sends every event of the bucket to EventBridge once this is on; the rule picks the new objects.
        new aws.s3.BucketNotification(child.name, { bucket, eventbridge: true }, { ...parent, aliases: child.aliases });
        forward(
          `trail-${label}`,
          { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [bucket] }, object: { key: [{ wildcard: "*/CloudTrail/*" }] } } },
          child.formerName,
        );
      }
    }

    for (const { topic, child, fn } of subscriptions) {
      // Cross-account: the topic's owner (this account) subscribes the central function; the central function must
      // allow this topic to invoke it (lambda:InvokeFunction with the topic as source ARN).
      deadLetterSources.push({ service: "sns.amazonaws.com", sourceArn: topic });
      new aws.sns.TopicSubscription(
        child.name,
        { topic, protocol: "lambda", endpoint: fn, redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetters!.arn }) },
        { ...parent, aliases: child.aliases },
      );
    }

    this.roleArn = role.arn;
    this.roleName = role.name;
    this.forwardedEvents = pulumi.output(forwarded);
    this.isolationInstanceProfileName = isolationProfileName;
    this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName, forwardedEvents: this.forwardedEvents, isolationInstanceProfileName: this.isolationInstanceProfileName });
  }
}

// The checks of list items that may be outputs: construction runs them on plain items, the deployment on the others.
const checkQuarantineSourceBucket = (bucket: string) => new Validator("MemberAccountAccess").bucketName("quarantineSourceBucketNames", bucket);
const checkKeyArn = (keyArn: string) => new Validator("MemberAccountAccess").arn("KMS key ARNs", keyArn, "kms");
function checkProtectedPrincipals(entries: string[]): void {
  try {
    validateProtectedPrincipals(entries);
  } catch (err) {
    new Validator("MemberAccountAccess").fail(`guardDutyProtectedPrincipals: ${(err as Error).message}`);
  }
}
function checkQuarantineSourceCount(args: MemberAccountAccessArgs, buckets: readonly unknown[]): void {
  if (args.responders.includes("malware-quarantine") && buckets.length === 0) {
    new Validator("MemberAccountAccess").fail("malware-quarantine needs quarantineSourceBucketNames (the buckets it may move objects out of)");
  }
}

function validate(args: MemberAccountAccessArgs): void {
  const check: Validator = new Validator("MemberAccountAccess");
  checkProtectedPrincipals(plainItems(args.guardDutyProtectedPrincipals));
  if (!Array.isArray(args.responders) || args.responders.length === 0) check.fail("responders must name at least one central responder");
  for (const r of args.responders) check.oneOf("responders", r, CENTRAL_RESPONDERS);
  for (const e of args.forwardEvents ?? []) check.oneOf("forwardEvents", e, Object.keys(FORWARDED_EVENTS));
  const sources = args.quarantineSourceBucketNames ?? [];
  if (Array.isArray(sources)) checkQuarantineSourceCount(args, sources);
  if (args.responders.includes("malware-quarantine") && args.quarantineBucketName === undefined) {
    check.fail("malware-quarantine needs quarantineBucketName (the central quarantine bucket the member role writes copies to)");
  }
  for (const b of plainItems(sources)) checkQuarantineSourceBucket(b);
  check.labelMap("cloudTrailBucketNames", args.cloudTrailBucketNames);
  check.labelMap("deepSecurityTopicArns", args.deepSecurityTopicArns);
  for (const b of plainValues(args.cloudTrailBucketNames)) check.bucketName("cloudTrailBucketNames", b);
  check.bucketName("quarantineBucketName", args.quarantineBucketName);
  check.bucketName("quarantineCleanBucketName", args.quarantineCleanBucketName);
  for (const k of [...plainItems(args.quarantineSourceKeyArns), ...plainItems(args.cloudTrailKmsKeyArns)]) checkKeyArn(k);
  for (const t of plainValues(args.deepSecurityTopicArns)) check.arn("deepSecurityTopicArns", t, "sns");
  for (const [label, f] of Object.entries(args.deepSecurityFunctionArns ?? {})) check.arn(`deepSecurityFunctionArns.${label}`, f, "lambda");
  if (args.responders.includes("guardduty-responder")) {
    const acting = (args.guardDutyActions ?? []).filter((a) => GUARDDUTY_ACTIONS_HERE.includes(a));
    for (const a of args.guardDutyActions ?? []) check.oneOf("guardDutyActions", a, RESPONSE_ACTIONS);
    if (acting.length === 0) check.fail(`guardduty-responder needs guardDutyActions naming what its routes do here (${GUARDDUTY_ACTIONS_HERE.join(", ")})`);
    if (acting.includes("scan") && args.guardDutyScanDocumentName === undefined) check.fail("the scan action needs guardDutyScanDocumentName");
  }
  if (args.responders.includes("api-activity-alerts") && Object.keys(args.cloudTrailBucketNames ?? {}).length === 0) {
    check.fail("api-activity-alerts needs cloudTrailBucketNames (the trail buckets it reads)");
  }
  for (const role of plainItems(args.isolationInstanceRoleNames)) check.roleNamePattern("isolationInstanceRoleNames", role);
  const profile = args.isolationInstanceProfileName;
  if (args.responders?.includes("instance-isolation") && args.isolationScopeTagKey === "" && (args.isolationScopeAutoScalingGroupNames ?? []).length === 0) {
    check.fail("isolationScopeTagKey \"\" needs isolationScopeAutoScalingGroupNames (the central scope's groups): the member role changes only instances in that scope");
  }
  check.autoScalingGroupNames("isolationScopeAutoScalingGroupNames", args.isolationScopeAutoScalingGroupNames);
  check.autoScalingGroupNames("patchScopeAutoScalingGroups", args.patchScopeAutoScalingGroups);
  if (isPlain(profile)) checkProfileName(check, profile);
  check.ssmDocumentName("guardDutyScanDocumentName", args.guardDutyScanDocumentName);
  if (args.roleName !== undefined && !/^[\w+=,.@-]{1,64}$/.test(args.roleName)) check.fail(`"${args.roleName}" is not a valid IAM role name`);
  if (Object.keys(args.deepSecurityTopicArns ?? {}).length > 0 && Object.keys(args.deepSecurityFunctionArns ?? {}).length === 0) {
    check.fail("deepSecurityTopicArns needs deepSecurityFunctionArns (the central functions to subscribe)");
  }
}

export { CentralEventBusAccess, CentralEventBusAccessArgs } from "./central-event-bus";
