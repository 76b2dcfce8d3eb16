// appsync rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import appsyncCacheCtEncryptionAtRest from "./appsync-cache-ct-encryption-at-rest";
import appsyncLoggingEnabled from "./appsync-logging-enabled";

export const rules: readonly Rule[] = [appsyncCacheCtEncryptionAtRest, appsyncLoggingEnabled];
