// fsx rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import fsxOpenzfsCopyTagsEnabled from "./fsx-openzfs-copy-tags-enabled";

export const rules: readonly Rule[] = [fsxOpenzfsCopyTagsEnabled];
