import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

export interface StateTableArgs {
  /** The component's customer-managed key. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Partition key (a string attribute). */
  readonly hashKey: string;
  /** Sort key, when the table has one. */
  readonly rangeKey?: { readonly name: string; readonly type: "S" | "N" };
  /** Attribute holding each item's expiry (epoch seconds). */
  readonly ttlAttribute: string;
}

/**
 * A responder's state table as Kamae's own pack wants it: encrypted with the component's key, point-in-time recovery,
 * deletion protection, on-demand capacity, items expiring through TTL.
 */
export function stateTable(name: string, args: StateTableArgs, opts: pulumi.CustomResourceOptions): aws.dynamodb.Table {
  return new aws.dynamodb.Table(
    name,
    {
      billingMode: "PAY_PER_REQUEST",
      hashKey: args.hashKey,
      ...(args.rangeKey ? { rangeKey: args.rangeKey.name } : {}),
      attributes: [{ name: args.hashKey, type: "S" }, ...(args.rangeKey ? [args.rangeKey] : [])],
      serverSideEncryption: { enabled: true, kmsKeyArn: args.kmsKeyArn },
      pointInTimeRecovery: { enabled: true },
      ttl: { attributeName: args.ttlAttribute, enabled: true },
      deletionProtectionEnabled: true,
    },
    opts,
  );
}
