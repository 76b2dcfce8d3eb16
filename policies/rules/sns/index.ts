// sns rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import snsEncryptedKms from "./sns-encrypted-kms";

export const rules: readonly Rule[] = [snsEncryptedKms];
