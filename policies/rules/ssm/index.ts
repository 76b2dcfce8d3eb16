// ssm rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import ssmDocumentNotPublic from "./ssm-document-not-public";

export const rules: readonly Rule[] = [ssmDocumentNotPublic];
