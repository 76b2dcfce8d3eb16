import * as pulumi from "@pulumi/pulumi";
import type { Statement } from "../shared/iam/policy";
import { type ListValue, mayHaveItems } from "../shared/validation";

export interface ApiActivityPermissionsContext {
  readonly partition: pulumi.Input<string>;
  /** The CloudTrail buckets whose new log files the function reads. */
  readonly trailBucketNames: readonly pulumi.Input<string>[];
  /** KMS keys that encrypt those log files, when not the function's own key (an output list may turn out empty). */
  readonly trailKmsKeyArns?: ListValue;
}

/**
 * What ApiActivityAlerts reads in the account that holds the trail's bucket: the log files (keys with a /CloudTrail/
 * segment, not digests, insights or anything else in the bucket). The component grants these for its own trail
 * bucket and MemberAccountAccess for the member's, so the two cannot disagree. S3 ARNs carry no account: the bucket
 * names are the scope.
 */
export function apiActivityActStatements(ctx: ApiActivityPermissionsContext): Statement[] {
  const statements: Statement[] = [
    { sid: "ReadTrailFiles", actions: ["s3:GetObject"], resources: ctx.trailBucketNames.map((b) => pulumi.interpolate`arn:${ctx.partition}:s3:::${b}/*/CloudTrail/*`) },
  ];
  if (mayHaveItems(ctx.trailKmsKeyArns)) statements.push({ sid: "DecryptTrailFiles", actions: ["kms:Decrypt"], resources: ctx.trailKmsKeyArns! });
  return statements;
}
