// sqs rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import sqsQueueEncryptedKms from "./sqs-queue-encrypted-kms";

export const rules: readonly Rule[] = [sqsQueueEncryptedKms];
