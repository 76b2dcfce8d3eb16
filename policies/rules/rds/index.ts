// rds rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import rdsClusterEncryptedAtRest from "./rds-cluster-encrypted-at-rest";
import rdsInstancePublicAccessCheck from "./rds-instance-public-access-check";
import rdsStorageEncrypted from "./rds-storage-encrypted";

export const rules: readonly Rule[] = [rdsClusterEncryptedAtRest, rdsInstancePublicAccessCheck, rdsStorageEncrypted];
