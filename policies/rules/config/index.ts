// config rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import configRecorderEnabled from "./config-recorder-enabled";

export const rules: readonly Rule[] = [configRecorderEnabled];
