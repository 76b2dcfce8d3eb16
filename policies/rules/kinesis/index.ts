// kinesis rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import kinesisStreamEncrypted from "./kinesis-stream-encrypted";

export const rules: readonly Rule[] = [kinesisStreamEncrypted];
