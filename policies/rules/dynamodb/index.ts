// dynamodb rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import dynamodbPitrEnabled from "./dynamodb-pitr-enabled";
import dynamodbTableEncryptedKms from "./dynamodb-table-encrypted-kms";

export const rules: readonly Rule[] = [dynamodbPitrEnabled, dynamodbTableEncryptedKms];
