import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface EncryptionKeyArgs {
  /** What the key protects, shown in the KMS console. */
  readonly description: string;
  /** Services that encrypt with the key on the account's behalf (SNS, SQS, EventBridge, CloudWatch alarms, S3…). */
  readonly servicePrincipals?: readonly string[];
  /** Let CloudWatch Logs of this account and Region encrypt log groups with the key. */
  readonly allowCloudWatchLogs?: boolean;
  /** Extra key-policy statements (for example decrypt for named forensic principals), or all of them as one output. */
  readonly extraStatements?: pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;
}

/**
 * A customer-managed KMS key with rotation, whose policy lets the account administer it (so it can never become
 * unmanageable) and lets only the named AWS services of this account use it.
 */
export function createEncryptionKey(name: string, args: EncryptionKeyArgs, opts: pulumi.CustomResourceOptions): aws.kms.Key {
  const identity = aws.getCallerIdentityOutput({}, opts);
  const region = aws.getRegionOutput({}, opts);
  const partition = aws.getPartitionOutput({}, opts);
  const policy = pulumi
    .all([identity.accountId, region.region, partition.partition, pulumi.output(args.extraStatements ?? [])])
    .apply(([account, regionName, part, extra]) => {
      const statements: Record<string, unknown>[] = [
        {
          Sid: "AccountAdministers",
          Effect: "Allow",
          Principal: { AWS: `arn:${part}:iam::${account}:root` },
          Action: "kms:*",
          Resource: "*",
        },
      ];
      if (args.servicePrincipals && args.servicePrincipals.length > 0) {
        statements.push({
          Sid: "ServicesOfThisAccountEncrypt",
          Effect: "Allow",
          Principal: { Service: [...args.servicePrincipals].sort() },
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": account } },
        });
      }
      if (args.allowCloudWatchLogs) {
        statements.push({
          Sid: "CloudWatchLogsEncrypt",
          Effect: "Allow",
          Principal: { Service: `logs.${regionName}.amazonaws.com` },
          Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${part}:logs:${regionName}:${account}:log-group:*` } },
        });
      }
      statements.push(...(extra as Record<string, unknown>[]));
      return JSON.stringify({ Version: "2012-10-17", Statement: statements });
    });
  return new aws.kms.Key(
    name,
    { description: args.description, enableKeyRotation: true, deletionWindowInDays: 30, policy },
    opts,
  );
}
