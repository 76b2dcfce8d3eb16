// athena rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import athenaWorkgroupEncryptedAtRest from "./athena-workgroup-encrypted-at-rest";

export const rules: readonly Rule[] = [athenaWorkgroupEncryptedAtRest];
