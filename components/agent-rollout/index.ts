import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { basename, resolve } from "node:path";
import { createEncryptionKey } from "../shared/kms";
import { KamaeTags } from "../shared/runtime/tags";
import { secureBucket } from "../shared/secure-bucket";
import { readLocalPackage } from "./package";
import {
  validateActivationUrl,
  validateManagerUrl,
  validatePackageName,
  validateParameterName,
  validatePublishedPackageName,
  validateRate,
  validateSchedule,
  validateTargetTags,
  validateTenantId,
  validateToken,
} from "./validation";
import { checkedValue, isPlain, Validator } from "../shared/validation";

const check: Validator = new Validator("AgentRollout");

/** The vendor's Distributor package: Trend Micro publishes its Workload Security agent to SSM Distributor under this name. */
export const VENDOR_PACKAGE = "TrendMicro-CloudOne-WorkloadSecurity";
/** The flat Parameter Store names the vendor's package reads. */
export const VENDOR_PARAMETER_NAMES = { activationUrl: "dsActivationUrl", managerUrl: "dsManagerUrl", tenantId: "dsTenantId", token: "dsToken" } as const;

// Named `as const` objects with a same-named union type: callers pass the plain strings, and Pulumi's schema inference
// turns each into a named enum for the other languages.

/** What the association does with the package. */
export const AgentAction = {
  Install: "Install",
  Uninstall: "Uninstall",
} as const;
export type AgentAction = (typeof AgentAction)[keyof typeof AgentAction];

/** How an installed package is updated (AWS-ConfigureAWSPackage's installationType). */
export const AgentInstallationType = {
  /** Update in place, as the vendor recommends. */
  InPlaceUpdate: "In-place update",
  UninstallAndReinstall: "Uninstall and reinstall",
} as const;
export type AgentInstallationType = (typeof AgentInstallationType)[keyof typeof AgentInstallationType];

/** Severity of a non-compliant instance in Systems Manager compliance. */
export const ComplianceSeverity = {
  Critical: "CRITICAL",
  High: "HIGH",
  Medium: "MEDIUM",
  Low: "LOW",
  Unspecified: "UNSPECIFIED",
} as const;
export type ComplianceSeverity = (typeof ComplianceSeverity)[keyof typeof ComplianceSeverity];

export interface AgentParameterNames {
  /** Name of the activation URL parameter (default `dsActivationUrl`). */
  readonly activationUrl?: string;
  /** Name of the manager URL parameter (default `dsManagerUrl`). */
  readonly managerUrl?: string;
  /** Name of the tenant id parameter (default `dsTenantId`). */
  readonly tenantId?: string;
  /** Name of the token parameter (default `dsToken`), a SecureString. */
  readonly token?: string;
}

export interface CustomPackageArgs {
  /** Local directory holding `manifest.json` and the zip files it names. */
  readonly directory: string;
  /** Name of the SSM document (default: the directory's name). */
  readonly name?: string;
}

export interface AgentRolloutArgs {
  /**
   * Agent activation URL, `dsm://host:port/` (trailing slash). Give it with `managerUrl` and `token`, or omit all four
   * agent settings to use existing parameters.
   */
  readonly activationUrl?: pulumi.Input<string>;
  /** Manager URL, `https://host:port` (no trailing slash). */
  readonly managerUrl?: pulumi.Input<string>;
  /** Tenant id; empty for a self-hosted manager. */
  readonly tenantId?: pulumi.Input<string>;
  /**
   * Activation token, stored as a SecureString and kept secret whatever is passed (give it as a Pulumi secret, e.g.
   * `config.requireSecret("agentToken")`).
   */
  readonly token?: pulumi.Input<string>;
  /** Parameter Store names, when the package reads other names than the vendor's flat defaults. */
  readonly parameterNames?: AgentParameterNames;
  /** Existing KMS key for the SecureString token and the package bucket; default: a key created here. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /**
   * Roles (instance roles) allowed `kms:Decrypt` on the created key, only through Parameter Store (`kms:ViaService`);
   * default (also for an empty list): the account, delegated to IAM. Not with `kmsKeyArn` (let the roles decrypt in
   * that key's policy). A list, or the whole list as one output.
   */
  readonly decryptingRoleArns?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Distributor package to install (default `TrendMicro-CloudOne-WorkloadSecurity`; may be an output, e.g. the `name` of
   * a package document created in the same program); ignored with `customPackage`.
   */
  readonly packageName?: pulumi.Input<string>;
  /** Package version to pin; default: the latest. */
  readonly packageVersion?: pulumi.Input<string>;
  /** A self-built Distributor package from a local directory, installed instead of the vendor's. */
  readonly customPackage?: CustomPackageArgs;
  /** Existing bucket for the custom package's files (must be SSE-KMS with `kmsKeyArn`); default: a bucket created here. */
  readonly packageBucketName?: pulumi.Input<string>;
  /** Bucket receiving the created package bucket's server access logs; default: a log bucket created here (SSE-S3). */
  readonly accessLogBucketName?: pulumi.Input<string>;
  /** `Install` (default) or `Uninstall`. */
  readonly action?: AgentAction;
  /** `In-place update` (default, as the vendor recommends) or `Uninstall and reinstall`. */
  readonly installationType?: AgentInstallationType;
  /** Extra arguments for the package's install script, passed as environment variables. */
  readonly additionalArguments?: Record<string, string>;
  /** Tag targets, 1 to 5 keys: key → values (default `kamae:agent-rollout` = `true`, the tag AutoHealingGroup sets). */
  readonly targetTags?: Record<string, string[]>;
  /**
   * `rate(N unit)` of at least 30 minutes or a six-field `cron(...)` (default `rate(1 day)`): re-applies the package,
   * covering drift and new versions.
   */
  readonly scheduleExpression?: string;
  /** How many targets at once: a count ("10") or a percentage ("10%"); default "10%". */
  readonly maxConcurrency?: string;
  /** Errors tolerated before the run stops: a count ("0") or a percentage ("5%"); default "5%". */
  readonly maxErrors?: string;
  /** Severity of non-compliant instances in Systems Manager compliance (default HIGH). */
  readonly complianceSeverity?: ComplianceSeverity;
  /** Bucket for the association's command output; default: no S3 output. */
  readonly outputBucketName?: pulumi.Input<string>;
  /** Key prefix of the command output (default `agent-rollout/`). */
  readonly outputKeyPrefix?: pulumi.Input<string>;
}

const INSTALLATION_TYPES: readonly string[] = Object.values(AgentInstallationType);
const SEVERITIES: readonly string[] = Object.values(ComplianceSeverity);

/** Validates a plain value now, or an output when it resolves (a preview still fails before anything is deployed). */
function checked(value: pulumi.Input<string>, check: (v: string) => string): pulumi.Output<string> {
  if (typeof value === "string") return pulumi.output(check(value));
  return pulumi.output(value).apply(check);
}

/**
 * Installs the host security agent on every instance carrying a tag, new ones included: the four Parameter Store
 * parameters the vendor's Distributor package reads (the token a SecureString under a KMS key), and a State Manager
 * association of `AWS-ConfigureAWSPackage` targeting the tag on a schedule. Optionally a custom Distributor package
 * built from a local directory (files in a private bucket, an SSM document of type Package) is rolled out instead.
 */
export class AgentRollout extends pulumi.ComponentResource {
  /** Names of the Parameter Store parameters (empty when existing parameters are used). */
  public readonly parameterNames: pulumi.Output<string[]>;
  /** ARN of the key protecting the token (and the package bucket). Instance roles need kms:Decrypt on it. */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** The Distributor package the association installs. */
  public readonly packageName: pulumi.Output<string>;
  /** The State Manager association that installs the package. */
  public readonly associationId: pulumi.Output<string>;
  /** The association's name. */
  public readonly associationName: pulumi.Output<string>;
  /** Bucket holding the custom package's files, when one is built. */
  public readonly packageBucketName?: pulumi.Output<string>;
  /** ARN of the token parameter; the value itself is never an output. */
  public readonly tokenParameterArn?: pulumi.Output<string>;

  constructor(name: string, args: AgentRolloutArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:AgentRollout", name, {}, opts);
    const parent = { parent: this };

    // Everything that can be checked without AWS is checked before any resource is declared.
    const settingsGiven = [args.activationUrl, args.managerUrl, args.token].filter((v) => v !== undefined).length;
    if (settingsGiven !== 0 && settingsGiven !== 3) {
      check.fail("activationUrl, managerUrl and token go together: give all three (tenantId optional) or none to use existing parameters");
    }
    if (settingsGiven === 0 && args.tenantId !== undefined) check.fail("tenantId was given without activationUrl, managerUrl and token");
    const names = {
      activationUrl: validateParameterName("activationUrl", args.parameterNames?.activationUrl ?? VENDOR_PARAMETER_NAMES.activationUrl),
      managerUrl: validateParameterName("managerUrl", args.parameterNames?.managerUrl ?? VENDOR_PARAMETER_NAMES.managerUrl),
      tenantId: validateParameterName("tenantId", args.parameterNames?.tenantId ?? VENDOR_PARAMETER_NAMES.tenantId),
      token: validateParameterName("token", args.parameterNames?.token ?? VENDOR_PARAMETER_NAMES.token),
    };
    if (new Set(Object.values(names)).size !== 4) check.fail("the four parameter names must be different");
    const installationType = args.installationType ?? "In-place update";
    if (!INSTALLATION_TYPES.includes(installationType)) check.fail(`installationType "${installationType}" must be one of: ${INSTALLATION_TYPES.join(", ")}`);
    const action = args.action ?? "Install";
    if (action !== "Install" && action !== "Uninstall") check.fail(`action "${String(action)}" must be Install or Uninstall`);
    const severity = args.complianceSeverity ?? "HIGH";
    if (!SEVERITIES.includes(severity)) check.fail(`complianceSeverity "${severity}" must be one of: ${SEVERITIES.join(", ")}`);
    const targets = validateTargetTags(args.targetTags ?? { [KamaeTags.agentRollout]: ["true"] });
    const schedule = validateSchedule(args.scheduleExpression ?? "rate(1 day)");
    const maxConcurrency = validateRate("maxConcurrency", args.maxConcurrency ?? "10%");
    const maxErrors = validateRate("maxErrors", args.maxErrors ?? "5%");
    for (const [key, value] of Object.entries(args.additionalArguments ?? {})) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) check.fail(`additionalArguments key "${key}" must be an environment variable name`);
      if (typeof value !== "string") check.fail(`additionalArguments "${key}" must be a string`);
    }
    const local = args.customPackage ? readLocalPackage(resolve(args.customPackage.directory)) : undefined;
    const customName = args.customPackage ? validatePackageName(args.customPackage.name ?? basename(resolve(args.customPackage.directory))) : undefined;
    if (isPlain(args.packageName) && !args.customPackage) validatePublishedPackageName(args.packageName);

    if (args.kmsKeyArn !== undefined && args.decryptingRoleArns !== undefined) {
      check.fail("decryptingRoleArns applies to the key created here; with kmsKeyArn, let the roles decrypt in that key's policy");
    }
    const needsKey = settingsGiven === 3 || (local !== undefined && args.packageBucketName === undefined);
    const identity = aws.getCallerIdentityOutput({}, parent);
    const region = aws.getRegionOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent);
    let keyArn: pulumi.Output<string> | undefined = args.kmsKeyArn !== undefined ? pulumi.output(args.kmsKeyArn) : undefined;
    if (keyArn === undefined && needsKey) {
      const decryptors = args.decryptingRoleArns ?? [];
      const viaSsm = pulumi.all([identity.accountId, region.region, partition.partition, pulumi.output(decryptors)]).apply(([account, regionName, part, roles]) => ({
        Sid: "InstancesReadTokenThroughParameterStore",
        Effect: "Allow",
        // Without named roles the account delegates to IAM: the instance role still needs kms:Decrypt on this key.
        Principal: { AWS: roles.length > 0 ? [...roles].sort() : `arn:${part}:iam::${account}:root` },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": `ssm.${regionName}.amazonaws.com`, "kms:CallerAccount": account } },
      }));
      keyArn = createEncryptionKey(
        `${name}-key`,
        { description: `Kamae AgentRollout ${name}: agent token and package files`, extraStatements: [viaSsm] },
        parent,
      ).arn;
    }
    this.kmsKeyArn = keyArn ?? pulumi.output("");

    // The agent settings, under the names the package reads.
    const created: pulumi.Output<string>[] = [];
    const parameterResources: aws.ssm.Parameter[] = [];
    if (settingsGiven === 3) {
      const plain = (what: keyof typeof names, value: pulumi.Output<string>, description: string) =>
        new aws.ssm.Parameter(`${name}-${what}`, { name: names[what], type: "String", value, description, overwrite: true }, parent);
      const activation = plain("activationUrl", checked(args.activationUrl!, validateActivationUrl), "Agent activation URL (dsm://host:port/)");
      const manager = plain("managerUrl", checked(args.managerUrl!, validateManagerUrl), "Agent manager URL");
      const tenant = plain("tenantId", checked(args.tenantId ?? "", validateTenantId), "Agent tenant id (empty for a self-hosted manager)");
      const token = new aws.ssm.Parameter(
        `${name}-token`,
        {
          name: names.token,
          type: "SecureString",
          // secret whatever the caller passed: the token never appears in plain state or outputs.
          value: pulumi.secret(checked(args.token!, validateToken)),
          keyId: keyArn,
          description: "Agent activation token",
          overwrite: true,
        },
        { parent: this, additionalSecretOutputs: ["value", "insecureValue"] },
      );
      created.push(activation.name, manager.name, tenant.name, token.name);
      parameterResources.push(activation, manager, tenant, token);
      this.tokenParameterArn = token.arn;
    }
    this.parameterNames = pulumi.all(created);

    // The package: the vendor's, or one built here from a local directory.
    // An output's name is checked once known, as a plain one was above.
    let packageName: pulumi.Output<string> = checkedValue(args.packageName ?? VENDOR_PACKAGE, validatePublishedPackageName);
    let packageVersion: pulumi.Input<string> | undefined = args.packageVersion;
    let document: aws.ssm.Document | undefined;
    if (local && customName) {
      const bucketName =
        args.packageBucketName !== undefined
          ? pulumi.output(args.packageBucketName)
          : secureBucket(
              `${name}-packages`,
              {
                kmsKeyArn: keyArn!,
                accessLogBucketName: args.accessLogBucketName,
                accessLogPrefix: (bucket) => pulumi.interpolate`access-logs/${bucket}/`,
                tlsStatementSid: "DenyWithoutTls",
              },
              parent,
            ).bucket.id;
      this.packageBucketName = bucketName;
      const prefix = `packages/${customName}/${local.version}`;
      const objects = local.files.map(
        (file) =>
          new aws.s3.BucketObjectv2(
            `${name}-file-${file.name}`,
            {
              bucket: bucketName,
              key: `${prefix}/${file.name}`,
              source: new pulumi.asset.FileAsset(file.path),
              contentType: "application/zip",
              serverSideEncryption: "aws:kms",
              kmsKeyId: keyArn,
              sourceHash: file.sha256,
            },
            parent,
          ),
      );
      document = new aws.ssm.Document(
        `${name}-package`,
        {
          name: customName,
          documentType: "Package",
          documentFormat: "JSON",
          content: local.manifest,
          versionName: local.version,
          attachmentsSources: local.files.map((file) => ({
            key: "S3FileUrl",
            name: file.name,
            values: [pulumi.interpolate`https://${bucketName}.s3.${region.region}.amazonaws.com/${prefix}/${file.name}`],
          })),
        },
        { parent: this, dependsOn: objects },
      );
      packageName = document.name;
      packageVersion = args.packageVersion ?? local.version;
    }
    this.packageName = packageName;

    const parameters: Record<string, pulumi.Input<string>> = {
      action,
      installationType,
      name: packageName,
    };
    if (packageVersion !== undefined) parameters.version = packageVersion;
    if (args.additionalArguments && Object.keys(args.additionalArguments).length > 0) {
      parameters.additionalArguments = JSON.stringify(args.additionalArguments);
    }
    const association = new aws.ssm.Association(
      `${name}-association`,
      {
        associationName: `kamae-${name}-agent-rollout`,
        name: "AWS-ConfigureAWSPackage",
        parameters,
        targets: Object.entries(targets).map(([key, values]) => ({ key: `tag:${key}`, values })),
        scheduleExpression: schedule,
        maxConcurrency,
        maxErrors,
        complianceSeverity: severity,
        ...(args.outputBucketName !== undefined
          ? { outputLocation: { s3BucketName: args.outputBucketName, s3KeyPrefix: args.outputKeyPrefix ?? "agent-rollout/", s3Region: region.region } }
          : {}),
      },
      // The parameters and the package must exist before the first run reads them.
      { parent: this, dependsOn: [...parameterResources, ...(document ? [document] : [])] },
    );
    this.associationId = association.associationId;
    this.associationName = association.associationName.apply((n) => n ?? "");

    this.registerOutputs({
      parameterNames: this.parameterNames,
      kmsKeyArn: this.kmsKeyArn,
      packageName: this.packageName,
      associationId: this.associationId,
      associationName: this.associationName,
      packageBucketName: this.packageBucketName,
      tokenParameterArn: this.tokenParameterArn,
    });
  }
}

