// dynamodb rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import daxEncryptionEnabled from "./dax-encryption-enabled";
import daxTlsEndpointEncryption from "./dax-tls-endpoint-encryption";
import dynamodbPitrEnabled from "./dynamodb-pitr-enabled";
import dynamodbTableDeletionProtectionEnabled from "./dynamodb-table-deletion-protection-enabled";
import dynamodbTableEncryptedKms from "./dynamodb-table-encrypted-kms";

export const rules: readonly Rule[] = [daxEncryptionEnabled, daxTlsEndpointEncryption, dynamodbPitrEnabled, dynamodbTableDeletionProtectionEnabled, dynamodbTableEncryptedKms];
