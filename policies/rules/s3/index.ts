// s3 rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cloudtrailS3DataeventsEnabled from "./cloudtrail-s3-dataevents-enabled";
import s3AccountLevelPublicAccessBlocksPeriodic from "./s3-account-level-public-access-blocks-periodic";
import s3BucketAclProhibited from "./s3-bucket-acl-prohibited";
import s3BucketLevelPublicAccessProhibited from "./s3-bucket-level-public-access-prohibited";
import s3BucketLoggingEnabled from "./s3-bucket-logging-enabled";
import s3BucketPublicReadProhibited from "./s3-bucket-public-read-prohibited";
import s3BucketPublicWriteProhibited from "./s3-bucket-public-write-prohibited";
import s3BucketSslRequestsOnly from "./s3-bucket-ssl-requests-only";
import s3BucketVersioningEnabled from "./s3-bucket-versioning-enabled";
import s3DefaultEncryptionKms from "./s3-default-encryption-kms";

export const rules: readonly Rule[] = [cloudtrailS3DataeventsEnabled, s3AccountLevelPublicAccessBlocksPeriodic, s3BucketAclProhibited, s3BucketLevelPublicAccessProhibited, s3BucketLoggingEnabled, s3BucketPublicReadProhibited, s3BucketPublicWriteProhibited, s3BucketSslRequestsOnly, s3BucketVersioningEnabled, s3DefaultEncryptionKms];
