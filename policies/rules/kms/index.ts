// kms rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cmkBackingKeyRotationEnabled from "./cmk-backing-key-rotation-enabled";

export const rules: readonly Rule[] = [cmkBackingKeyRotationEnabled];
