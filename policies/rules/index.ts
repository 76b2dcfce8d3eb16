// Every rule, one file each (named after the AWS Config rule it enforces). Keep in step with catalog.ts: a test checks.
import type { Rule } from "../model";
import albHttpToHttpsRedirectionCheck from "./alb-http-to-https-redirection-check";
import albWafEnabled from "./alb-waf-enabled";
import apiGwAssociatedWithWaf from "./api-gw-associated-with-waf";
import autoscalingLaunchConfigPublicIpDisabled from "./autoscaling-launch-config-public-ip-disabled";
import autoscalingLaunchTemplate from "./autoscaling-launch-template";
import autoscalingLaunchconfigRequiresImdsv2 from "./autoscaling-launchconfig-requires-imdsv2";
import cloudTrailCloudWatchLogsEnabled from "./cloud-trail-cloud-watch-logs-enabled";
import cloudTrailEncryptionEnabled from "./cloud-trail-encryption-enabled";
import cloudTrailLogFileValidationEnabled from "./cloud-trail-log-file-validation-enabled";
import cloudfrontAccesslogsEnabled from "./cloudfront-accesslogs-enabled";
import cloudfrontAssociatedWithWaf from "./cloudfront-associated-with-waf";
import cloudfrontViewerPolicyHttps from "./cloudfront-viewer-policy-https";
import cloudtrailEnabled from "./cloudtrail-enabled";
import cloudtrailS3DataeventsEnabled from "./cloudtrail-s3-dataevents-enabled";
import cloudwatchLogGroupEncrypted from "./cloudwatch-log-group-encrypted";
import cmkBackingKeyRotationEnabled from "./cmk-backing-key-rotation-enabled";
import cwLoggroupRetentionPeriodCheck from "./cw-loggroup-retention-period-check";
import dynamodbPitrEnabled from "./dynamodb-pitr-enabled";
import dynamodbTableEncryptedKms from "./dynamodb-table-encrypted-kms";
import ec2EbsEncryptionByDefault from "./ec2-ebs-encryption-by-default";
import ec2Imdsv2Check from "./ec2-imdsv2-check";
import ec2InstanceNoPublicIp from "./ec2-instance-no-public-ip";
import ec2InstanceProfileAttached from "./ec2-instance-profile-attached";
import efsEncryptedCheck from "./efs-encrypted-check";
import elbLoggingEnabled from "./elb-logging-enabled";
import encryptedVolumes from "./encrypted-volumes";
import guarddutyEnabledCentralized from "./guardduty-enabled-centralized";
import iamPolicyNoStatementsWithAdminAccess from "./iam-policy-no-statements-with-admin-access";
import iamPolicyNoStatementsWithFullAccess from "./iam-policy-no-statements-with-full-access";
import iamUserNoPoliciesCheck from "./iam-user-no-policies-check";
import kamaeAgentRolloutCoverage from "./kamae-agent-rollout-coverage";
import kamaeAsgIsolationScope from "./kamae-asg-isolation-scope";
import kamaeS3LogTargetSseS3 from "./kamae-s3-log-target-sse-s3";
import kamaeUploadBucketMalwareScan from "./kamae-upload-bucket-malware-scan";
import lambdaFunctionPublicAccessProhibited from "./lambda-function-public-access-prohibited";
import lambdaFunctionsHaveApplicationProtection from "./lambda-functions-have-application-protection";
import multiRegionCloudtrailEnabled from "./multi-region-cloudtrail-enabled";
import rdsClusterEncryptedAtRest from "./rds-cluster-encrypted-at-rest";
import rdsInstancePublicAccessCheck from "./rds-instance-public-access-check";
import rdsStorageEncrypted from "./rds-storage-encrypted";
import restrictedCommonPorts from "./restricted-common-ports";
import restrictedSsh from "./restricted-ssh";
import s3AccountLevelPublicAccessBlocksPeriodic from "./s3-account-level-public-access-blocks-periodic";
import s3BucketAclProhibited from "./s3-bucket-acl-prohibited";
import s3BucketLevelPublicAccessProhibited from "./s3-bucket-level-public-access-prohibited";
import s3BucketLoggingEnabled from "./s3-bucket-logging-enabled";
import s3BucketPublicReadProhibited from "./s3-bucket-public-read-prohibited";
import s3BucketPublicWriteProhibited from "./s3-bucket-public-write-prohibited";
import s3BucketSslRequestsOnly from "./s3-bucket-ssl-requests-only";
import s3BucketVersioningEnabled from "./s3-bucket-versioning-enabled";
import s3DefaultEncryptionKms from "./s3-default-encryption-kms";
import securityhubEnabled from "./securityhub-enabled";
import snsEncryptedKms from "./sns-encrypted-kms";
import sqsQueueEncryptedKms from "./sqs-queue-encrypted-kms";
import vpcDefaultSecurityGroupClosed from "./vpc-default-security-group-closed";
import vpcFlowLogsEnabled from "./vpc-flow-logs-enabled";
import vpcSgOpenOnlyToAuthorizedPorts from "./vpc-sg-open-only-to-authorized-ports";
import wafv2LoggingEnabled from "./wafv2-logging-enabled";

export const rules: readonly Rule[] = [
  albHttpToHttpsRedirectionCheck,
  albWafEnabled,
  apiGwAssociatedWithWaf,
  autoscalingLaunchConfigPublicIpDisabled,
  autoscalingLaunchTemplate,
  autoscalingLaunchconfigRequiresImdsv2,
  cloudTrailCloudWatchLogsEnabled,
  cloudTrailEncryptionEnabled,
  cloudTrailLogFileValidationEnabled,
  cloudfrontAccesslogsEnabled,
  cloudfrontAssociatedWithWaf,
  cloudfrontViewerPolicyHttps,
  cloudtrailEnabled,
  cloudtrailS3DataeventsEnabled,
  cloudwatchLogGroupEncrypted,
  cmkBackingKeyRotationEnabled,
  cwLoggroupRetentionPeriodCheck,
  dynamodbPitrEnabled,
  dynamodbTableEncryptedKms,
  ec2EbsEncryptionByDefault,
  ec2Imdsv2Check,
  ec2InstanceNoPublicIp,
  ec2InstanceProfileAttached,
  efsEncryptedCheck,
  elbLoggingEnabled,
  encryptedVolumes,
  guarddutyEnabledCentralized,
  iamPolicyNoStatementsWithAdminAccess,
  iamPolicyNoStatementsWithFullAccess,
  iamUserNoPoliciesCheck,
  kamaeAgentRolloutCoverage,
  kamaeAsgIsolationScope,
  kamaeS3LogTargetSseS3,
  kamaeUploadBucketMalwareScan,
  lambdaFunctionPublicAccessProhibited,
  lambdaFunctionsHaveApplicationProtection,
  multiRegionCloudtrailEnabled,
  rdsClusterEncryptedAtRest,
  rdsInstancePublicAccessCheck,
  rdsStorageEncrypted,
  restrictedCommonPorts,
  restrictedSsh,
  s3AccountLevelPublicAccessBlocksPeriodic,
  s3BucketAclProhibited,
  s3BucketLevelPublicAccessProhibited,
  s3BucketLoggingEnabled,
  s3BucketPublicReadProhibited,
  s3BucketPublicWriteProhibited,
  s3BucketSslRequestsOnly,
  s3BucketVersioningEnabled,
  s3DefaultEncryptionKms,
  securityhubEnabled,
  snsEncryptedKms,
  sqsQueueEncryptedKms,
  vpcDefaultSecurityGroupClosed,
  vpcFlowLogsEnabled,
  vpcSgOpenOnlyToAuthorizedPorts,
  wafv2LoggingEnabled,
];
