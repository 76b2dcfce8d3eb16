// kamae rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import kamaeAgentRolloutCoverage from "./kamae-agent-rollout-coverage";
import kamaeAsgIsolationScope from "./kamae-asg-isolation-scope";
import kamaeS3LogTargetSseS3 from "./kamae-s3-log-target-sse-s3";
import kamaeUploadBucketMalwareScan from "./kamae-upload-bucket-malware-scan";

export const rules: readonly Rule[] = [kamaeAgentRolloutCoverage, kamaeAsgIsolationScope, kamaeS3LogTargetSseS3, kamaeUploadBucketMalwareScan];
