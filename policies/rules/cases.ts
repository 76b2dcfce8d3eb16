/**
 * The table-test support for rules: every rule file `<service>/<rule>.ts` has `<service>/<rule>.cases.ts` beside it,
 * whose default export lists its cases; test/policies/rules.test.ts runs them all. (Not part of the built pack.)
 */
import { ResourceView, UNKNOWN } from "../model";

export { UNKNOWN };

/** One case: a resource (resource rules) or a stack (stack rules), optional policy config, and a title. */
export interface Case {
  readonly title: string;
  readonly input: ResourceView | ResourceView[];
  readonly config?: Record<string, unknown>;
  /** For violations: the resource name each violation must be about (undefined: the stack). */
  readonly about?: string;
  /** For violations and unknown cases: what a message must say, beyond the resource, for the reader to act on it. */
  readonly says?: string;
}

/**
 * A rule's four kinds of cases: compliant and violating resources; resources the rule does not apply to (another
 * engine, a setting made elsewhere); and what a preview leaves unknown: the rule answers only `cannotJudge` there,
 * never compliant and never a violation (policies/preview.ts). A case where known inputs settle the verdict despite
 * an unknown value belongs with the compliant or violating ones.
 */
export interface RuleCases {
  readonly compliant: readonly Case[];
  readonly violating: readonly Case[];
  readonly notApplicable?: readonly Case[];
  readonly unknown?: readonly Case[];
  /** The AWS Config managed rule's verdict on each known case, by title (`judgedByAwsConfig`). */
  readonly awsConfig?: AwsConfigVerdicts;
}

export const ruleCases = (cases: RuleCases): RuleCases => cases;

/**
 * What the AWS Config managed rule of the catalog entry (deployed with the parameters the case's config gives it)
 * reports once the case's resources are deployed, read from the Config rule's definition (its trigger resource types,
 * parameters and the state AWS gives a property the program leaves unset): `NON_COMPLIANT` about the case's subject
 * (for a launch template, the instances it launches), `COMPLIANT` or `NOT_APPLICABLE` when it flags nothing.
 */
export type AwsConfigVerdict = "COMPLIANT" | "NON_COMPLIANT" | "NOT_APPLICABLE";

/** A case the pack deliberately judges otherwise than the AWS Config rule: the Config rule's verdict and why. */
export interface AwsConfigDifference {
  readonly awsConfig: AwsConfigVerdict;
  readonly why: string;
}

export type AwsConfigVerdicts = Readonly<Record<string, AwsConfigVerdict | AwsConfigDifference>>;

/**
 * A rule's cases with the AWS Config rule's verdict on each compliant, violating and not-applicable case (unknown
 * cases have no single deployed state), so test/policies/aws-config-agreement.test.ts judges the same fixture both ways.
 */
export const judgedByAwsConfig = (cases: RuleCases, awsConfig: AwsConfigVerdicts): RuleCases => ({ ...cases, awsConfig });

/** A resource view as the pack builds it, with an engine-shaped URN (parent types joined by `$`). */
export function res(type: string, name: string, props: Record<string, any>, extra: Partial<ResourceView> & { parentTypes?: string[] } = {}): ResourceView {
  const { parentTypes, ...rest } = extra;
  const qualified = [...(parentTypes ?? []), type].join("$");
  return { urn: `urn:pulumi:test::kamae::${qualified}::${name}`, type, name, props, ...rest };
}

export const BUCKET = "aws:s3/bucket:Bucket";
export const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export const tlsOnlyPolicy = (bucket: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  });

/**
 * A bucket secured the @pulumi/aws v7 way: every setting a separate resource naming the bucket, plus its access-log
 * bucket (which is exempt from logging itself, encrypted with SSE-S3, and otherwise secured the same way).
 */
export function secureBucket(name: string, options: { logBucket?: string } = {}): ResourceView[] {
  const logBucket = options.logBucket ?? `${name}-logs`;
  const settings = (bucket: string, suffix: string, sse: Record<string, unknown>): ResourceView[] => [
    res("aws:s3/bucketVersioning:BucketVersioning", `${suffix}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }),
    res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${suffix}-sse`, { bucket, rules: [sse] }),
    res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${suffix}-bpa`, {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }),
    res("aws:s3/bucketPolicy:BucketPolicy", `${suffix}-policy`, { bucket, policy: tlsOnlyPolicy(bucket) }),
  ];
  return [
    res(BUCKET, name, { bucket: name, arn: `arn:aws:s3:::${name}` }),
    ...settings(name, name, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }),
    res("aws:s3/bucketLogging:BucketLogging", `${name}-logging`, { bucket: name, targetBucket: logBucket, targetPrefix: `${name}/` }),
    res(BUCKET, logBucket, { bucket: logBucket, arn: `arn:aws:s3:::${logBucket}` }),
    // S3 delivers server access logs only to SSE-S3 targets.
    ...settings(logBucket, logBucket, { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }),
  ];
}

export const without = (resources: ResourceView[], name: string) => resources.filter((r) => r.name !== name);
export const replace = (resources: ResourceView[], name: string, props: Record<string, any>) =>
  resources.map((r) => (r.name === name ? { ...r, props: { ...r.props, ...props } } : r));

export const SG = "aws:ec2/securityGroup:SecurityGroup";
export const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const LB = "aws:lb/loadBalancer:LoadBalancer";
export const ASSOC = "aws:wafv2/webAclAssociation:WebAclAssociation";
export const TRAIL = "aws:cloudtrail/trail:Trail";
export const INSTANCE = "aws:ec2/instance:Instance";
export const LT = "aws:ec2/launchTemplate:LaunchTemplate";
export const ASG = "aws:autoscaling/group:Group";
export const DIST = "aws:cloudfront/distribution:Distribution";
export const LBARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef";
export const STAGE_ARN = "arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod";
export const ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0a1b2c3d";
export const LOGGING = "aws:s3/bucketLogging:BucketLogging";
export const KMS_KEY = "aws:kms/key:Key";
/** The URN of a stack output read through a StackReference (a value of another stack). */
export const STACK_REF_URN = "urn:pulumi:test::kamae::pulumi:pulumi:StackReference::shared";
/** A view whose `prop` (unknown at preview) the engine reports computed from the outputs of `from` (views or URNs). */
export const fromOutputs = (r: ResourceView, prop: string, ...from: (ResourceView | string)[]): ResourceView => ({
  ...r,
  propertyDependencies: { ...r.propertyDependencies, [prop]: from.map((f) => (typeof f === "string" ? f : f.urn)) },
});

export const urnOf = (bucket: string) => `urn:pulumi:test::kamae::${BUCKET}::${bucket}`;
export const sse = (bucket: unknown, sseAlgorithm: unknown, extra: Partial<ResourceView> = {}) =>
  res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${String(typeof bucket === "string" ? bucket : "pending")}-sse`, { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] }, extra);
export const sg = (name: string, ingress: any[]) => res(SG, name, { ingress, egress: [] });
export const world = (fromPort: number, toPort = fromPort, protocol = "tcp") => ({ protocol, fromPort, toPort, cidrBlocks: ["0.0.0.0/0"] });
export const doc = (...Statement: any[]) => JSON.stringify({ Version: "2012-10-17", Statement });
export const trail = (name: string, props: Record<string, any> = {}) =>
  res(TRAIL, name, {
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: KEY_ARN,
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:trail:*",
    s3BucketName: "trail-bucket",
    eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
    ...props,
  });
export const alb = (name: string) => res(LB, name, { loadBalancerType: "application", arn: LBARN, accessLogs: { enabled: true, bucket: "lb-logs" } });
export const asg = (name: string, props: Record<string, any>) => res(ASG, name, { launchTemplate: { id: "lt-0abc", version: "$Latest" }, ...props });
export const tagged = (tags: Record<string, string>) => Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true }));
export const rolloutAssociation = res(
  "aws:ssm/association:Association",
  "agents-install",
  { name: "AWS-ConfigureAWSPackage", targets: [{ key: "tag:kamae:agent-rollout", values: ["true"] }] },
  { parentTypes: ["kamae:index:AgentRollout"] },
);

/** The subject every case of `settingCases` is about. */
export const SUBJECT = "subject";

type Props = Record<string, any>;

/**
 * The four kinds of cases of a one-resource rule, each titled case given as the resource's properties (the resource
 * is `SUBJECT` of `type`, or of the type given as `[type, props]`).
 */
export function settingCases(
  type: string,
  kinds: { compliant: Record<string, Props | [string, Props]>; violating: Record<string, Props | [string, Props]>; notApplicable?: Record<string, Props | [string, Props]>; unknown?: Record<string, Props | [string, Props]> },
  config?: Record<string, unknown>,
): RuleCases {
  const build = (cases: Record<string, Props | [string, Props]> | undefined, about?: string): Case[] =>
    Object.entries(cases ?? {}).map(([title, spec]) => {
      const [t, props] = Array.isArray(spec) ? spec : [type, spec];
      return { title, input: res(t, SUBJECT, props), ...(config ? { config } : {}), ...(about ? { about } : {}) };
    });
  return { compliant: build(kinds.compliant), violating: build(kinds.violating, SUBJECT), notApplicable: build(kinds.notApplicable), unknown: build(kinds.unknown, SUBJECT) };
}

const LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:os";

/**
 * The cases of an OpenSearch/Elasticsearch domain rule that requires `logType` published to CloudWatch Logs (the
 * four log-publishing rules share `publishesLogs`, judge.ts): one table, the domain type and log type apart.
 */
export function logPublishingCases(type: string, logType: string): RuleCases {
  const other = { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: LOG_GROUP_ARN };
  const option = (enabled?: unknown) => ({ logType, ...(enabled === undefined ? {} : { enabled }), cloudwatchLogGroupArn: LOG_GROUP_ARN });
  return settingCases(type, {
    compliant: { "published after another log type": { logPublishingOptions: [other, option(true)] }, "published": { logPublishingOptions: [option()] } },
    violating: { "another log type only": { logPublishingOptions: [other] }, "no log publishing": {}, "disabled": { logPublishingOptions: [option(false)] } },
    unknown: {
      "options unknown": { logPublishingOptions: UNKNOWN },
      "an option unknown": { logPublishingOptions: [other, UNKNOWN] },
      "an option's log type unknown": { logPublishingOptions: [{ ...other, logType: UNKNOWN }] },
      "an option's switch unknown": { logPublishingOptions: [option(UNKNOWN)] },
    },
  });
}

/** The AWS Config rule's verdicts on `logPublishingCases` (test/policies/aws-config-agreement.test.ts). */
export const LOG_PUBLISHING_AWS_CONFIG: AwsConfigVerdicts = {
  "published": "COMPLIANT",
  "published after another log type": "COMPLIANT",
  "another log type only": "NON_COMPLIANT",
  "no log publishing": "NON_COMPLIANT",
  "disabled": "NON_COMPLIANT",
};

const nested = (path: string, value: unknown): Props => path.split(".").reduceRight<any>((inner, key) => ({ [key]: inner }), value);

/**
 * The cases of a rule that requires one boolean setting true, where several resource types share the setting and the
 * rule (deletion protection on DocumentDB, Neptune and RDS, say): one table per setting, the types apart, with the AWS
 * Config verdicts they share. `path` is dotted for a nested setting; unset is judged as AWS's default.
 */
export function requiredSwitchCases(type: string, path: string, awsDefault: boolean): RuleCases {
  const unset = `${path} unset (AWS default ${awsDefault})`;
  const cases = settingCases(type, {
    compliant: { [`${path} true`]: nested(path, true), ...(awsDefault ? { [unset]: {} } : {}) },
    violating: { [`${path} false`]: nested(path, false), ...(awsDefault ? {} : { [unset]: {} }) },
    unknown: { [`${path} unknown`]: nested(path, UNKNOWN) },
  });
  return judgedByAwsConfig(cases, { [`${path} true`]: "COMPLIANT", [`${path} false`]: "NON_COMPLIANT", [unset]: awsDefault ? "COMPLIANT" : "NON_COMPLIANT" });
}

/**
 * The cases of a rule that requires a setting present (a VPC's subnets, a WAF Classic rule's conditions), where two
 * resource types share the setting and the rule: `value` a present one, `base` the properties every case has.
 */
export function requiredPresentCases(type: string, path: string, value: unknown, base: Props = {}): RuleCases {
  const cases = settingCases(type, {
    compliant: { [`${path} set`]: { ...base, ...nested(path, value) } },
    violating: { [`${path} unset`]: { ...base } },
    unknown: { [`${path} unknown`]: { ...base, ...nested(path, UNKNOWN) } },
  });
  return judgedByAwsConfig(cases, { [`${path} set`]: "COMPLIANT", [`${path} unset`]: "NON_COMPLIANT" });
}

/**
 * The cases of DocumentDB's and Neptune's cluster backup retention rules (requireAtLeast 7 days, AWS's default 1), with
 * the AWS Config verdicts they share.
 */
export function backupRetentionCases(type: string): RuleCases {
  const cases = settingCases(type, {
    compliant: { "backupRetentionPeriod 7": { backupRetentionPeriod: 7 } },
    violating: { "backupRetentionPeriod 6": { backupRetentionPeriod: 6 }, "backupRetentionPeriod unset (AWS default 1)": {} },
    unknown: { "backupRetentionPeriod unknown": { backupRetentionPeriod: UNKNOWN } },
  });
  return judgedByAwsConfig(cases, { "backupRetentionPeriod 7": "COMPLIANT", "backupRetentionPeriod 6": "NON_COMPLIANT", "backupRetentionPeriod unset (AWS default 1)": "NON_COMPLIANT" });
}

/**
 * The cases of the ALB and CLB desync mitigation rules (defensive or strictest; AWS's default defensive), with the AWS
 * Config verdicts they share; `more`, cases one of them adds (the ALB's: its resource type holds other load balancers).
 */
export function desyncModeCases(type: string, more: { compliant?: Record<string, Props>; violating?: Record<string, Props>; notApplicable?: Record<string, Props>; unknown?: Record<string, Props> } = {}): RuleCases {
  const cases = settingCases(type, {
    compliant: { "default (defensive)": {}, "strictest": { desyncMitigationMode: "strictest" }, ...more.compliant },
    violating: { "monitor": { desyncMitigationMode: "monitor" }, ...more.violating },
    notApplicable: more.notApplicable,
    unknown: { "mode unknown": { desyncMitigationMode: UNKNOWN }, ...more.unknown },
  });
  const verdicts = (titles: Record<string, Props> = {}, verdict: AwsConfigVerdict) => Object.fromEntries(Object.keys(titles).map((t) => [t, verdict]));
  // Compliant cases the rule adds hold unknowns (no single deployed state): they carry no Config verdict.
  return judgedByAwsConfig(cases, { "default (defensive)": "COMPLIANT", "strictest": "COMPLIANT", "monitor": "NON_COMPLIANT", ...verdicts(more.violating, "NON_COMPLIANT"), ...verdicts(more.notApplicable, "NOT_APPLICABLE") });
}

const DMS_TASK = "aws:dms/replicationTask:ReplicationTask";
const LOGGER_DEFAULT = "LOGGER_SEVERITY_DEFAULT";
const taskLogging = (enabled: boolean, ...components: Array<[string, string]>) => ({ replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: enabled, LogComponents: components.map(([Id, Severity]) => ({ Id, Severity })) } }) });

/**
 * The cases of the DMS replication task logging rules, which share their logic (both components logged at
 * LOGGER_SEVERITY_DEFAULT or above, logging enabled) for the source's components and the target's: `components` the
 * rule's two, `other` a component of the other side. With the AWS Config verdicts they share.
 */
export function dmsTaskLoggingCases([first, second]: [string, string], other: string): RuleCases {
  // The severities at or above the default, and each component on its own: the Config rule wants both at a valid level.
  const violating: Record<string, Props> = {
    [`${second} not logged`]: taskLogging(true, [first, LOGGER_DEFAULT]),
    [`${first} at LOGGER_SEVERITY_ERROR`]: taskLogging(true, [first, "LOGGER_SEVERITY_ERROR"], [second, LOGGER_DEFAULT]),
    "other components only": taskLogging(true, ["TASK_MANAGER", LOGGER_DEFAULT], [other, LOGGER_DEFAULT]),
    "components logged while logging is disabled": taskLogging(false, [first, LOGGER_DEFAULT], [second, LOGGER_DEFAULT]),
  };
  const says: Record<string, string> = { [`${second} not logged`]: `does not log ${second}:`, "components logged while logging is disabled": "does not log at all" };
  const cases = settingCases(DMS_TASK, {
    compliant: { "logged": taskLogging(true, [first, LOGGER_DEFAULT], [second, LOGGER_DEFAULT]), "debug and detailed debug": taskLogging(true, [first, "LOGGER_SEVERITY_DEBUG"], [second, "LOGGER_SEVERITY_DETAILED_DEBUG"]) },
    violating: { ...violating, "no settings": {}, "logging off": { replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: false } }) } },
    unknown: { "settings unknown": { replicationTaskSettings: UNKNOWN } },
  });
  return judgedByAwsConfig({ ...cases, violating: cases.violating.map((c) => (says[c.title] ? { ...c, says: says[c.title] } : c)) }, {
    "logged": "COMPLIANT",
    "debug and detailed debug": "COMPLIANT",
    ...Object.fromEntries(Object.keys(violating).map((t) => [t, "NON_COMPLIANT" as const])),
    "no settings": "NON_COMPLIANT",
    "logging off": "NON_COMPLIANT",
  });
}
